import ArgumentParser
import Foundation
import RingbackMapping
import RingbackSync

/// `ringback init --sample FILE`: the first ten minutes, from one export to a configuration `validate` accepts.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter ringback.yaml from one sample export: its mapping, your own numbers, your time zone.")

    @Option(help: "A sample export from the phone system.")
    var sample: String

    @Option(help: "The business's name.")
    var business: String = "My business"

    @Option(help: "Service-area ZIP codes, comma-separated; the time zone is taken from them.")
    var zips: String?

    @Option(help: "Time zone (IANA name, e.g. America/Chicago); overrides the ZIPs.")
    var timeZone: String?

    @Option(help: "Folder of mapping files (default: ./mappings).")
    var mappingsDir: String?

    @Option(help: "Where to write the configuration.")
    var output: String = "ringback.yaml"

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @OptionGroup var common: CommonOptions

    func run() throws {
        let log = common.logger("init")
        do {
            let directory = mappingsDir ?? InspectCommand.defaultMappingsDirectory()
            let specs = try MappingCatalog.load(directory: directory)
            guard let data = FileManager.default.contents(atPath: sample) else { throw SyncError.io(sample, "cannot read the file") }
            let reading = try SampleExportReading(bytes: [UInt8](data), file: sample, specs: specs)
            guard let spec = reading.spec else { throw ConfigError.file(sample, Self.unrecognised(reading)) }
            if FileManager.default.fileExists(atPath: output) && !force {
                throw ConfigError.file(output, "exists; choose another --output or add --force to replace it")
            }
            let zipList = (zips ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let (zone, note) = Self.zone(given: timeZone, zips: zipList)
            let starter = StarterConfig(
                business: business, zone: zone, zoneNote: note, ownNumbers: reading.ownNumbers, inboundCalls: reading.inboundCalls,
                zips: zipList, mapping: spec.name, sourceFiles: Self.filesPattern(sample, relativeTo: output),
                mappingsDir: URL(fileURLWithPath: directory).standardizedFileURL.path)
            try starter.text.write(toFile: output, atomically: true, encoding: .utf8)
            print("\(output): written for mapping \(spec.name) (\(reading.records) records in the sample)")
            print("  time zone \(zone) (\(note))")
            if reading.ownNumbers.isEmpty {
                print("  own numbers: none found in the export; add your lines under business.own_numbers")
            } else {
                print(
                    "  own numbers: \(reading.ownNumbers.map { "\($0.number) (\($0.calls) of \(reading.inboundCalls) inbound calls)" }.joined(separator: ", "))"
                )
            }
            print("Next: check the lines marked CHECK, then `ringback validate --config \(output)` and `ringback sync --config \(output) --dry-run`.")
        } catch {
            throw fail(error, log: log)
        }
    }

    static func unrecognised(_ reading: SampleExportReading) -> String {
        guard let closest = reading.closest, closest.unplaced.count < closest.spec.fields.count else {
            return "no mapping recognises this file, and no mapping's columns or paths are in it: write one for your phone system (docs/mappings.md)"
        }
        let fields = closest.unplaced.map { name in
            "\(name) (`\(closest.spec.fields[name]?.names.joined(separator: "` or `") ?? "")`)"
        }
        return "no mapping recognises this file; the closest, \(closest.spec.name), could not place \(fields.joined(separator: ", ")). "
            + "Copy mappings/\(closest.spec.name).yaml and name your export's columns or paths (docs/mappings.md)"
    }

    static func zone(given: String?, zips: [String]) -> (String, String) {
        if let given { return (given, "given with --time-zone") }
        if let zone = ZIPTimeZones.zone(forZIPs: zips) { return (zone, "from the service-area ZIPs") }
        return ("America/Chicago", "a guess: no --zips or --time-zone was given; set your zone")
    }

    /// The sample's folder with every file of its kind, relative to where the configuration is written.
    static func filesPattern(_ sample: String, relativeTo output: String) -> String {
        let sampleURL = URL(fileURLWithPath: sample).standardizedFileURL
        let folder = sampleURL.deletingLastPathComponent().path
        let base = URL(fileURLWithPath: output).standardizedFileURL.deletingLastPathComponent().path
        let ext = sampleURL.pathExtension.isEmpty ? "*" : "*.\(sampleURL.pathExtension)"
        if folder == base { return ext }
        if folder.hasPrefix(base + "/") { return String(folder.dropFirst(base.count + 1)) + "/" + ext }
        return folder + "/" + ext
    }
}
