import ArgumentParser
import Foundation
import Logging
import RingbackCore
import RingbackMapping
import RingbackNormalisation
import RingbackSync

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the normalised calls a file yields, and which mapping reads it.")

    enum Output: String, ExpressibleByArgument {
        case table
        case json
    }

    @Argument(help: "An export file.")
    var file: String

    @Option(help: "Mapping name; guessed from the file when omitted.")
    var mapping: String?

    @Option(help: "Output: table or json (one object per call).")
    var output: Output = .table

    @Option(help: "Folder of mapping files (default: the configuration's, else ./mappings).")
    var mappingsDir: String?

    @Option(help: "Time zone for exports without one (default: the configuration's, else UTC).")
    var timeZone: String?

    @Option(help: "Default country for national numbers (default: the configuration's, else US).")
    var country: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let log = common.logger("inspect")
        do {
            let config = FileManager.default.fileExists(atPath: common.configPath) ? try ConfigLoader.load(path: common.configPath) : nil
            let specs =
                try mappingsDir.map { try MappingCatalog.load(directory: $0) } ?? config?.mappings
                ?? MappingCatalog.load(directory: Self.defaultMappingsDirectory())
            guard let data = FileManager.default.contents(atPath: file) else { throw SyncError.io(file, "cannot read the file") }
            let bytes = [UInt8](data)
            let spec: MappingSpec
            var how = "named"
            if let mapping {
                guard let named = specs.first(where: { $0.name == mapping }) else {
                    throw ConfigError.file(file, "no mapping `\(mapping)`; known: \(specs.map(\.name).joined(separator: ", "))")
                }
                spec = named
            } else {
                guard let guess = MappingGuesser.guess(bytes: bytes, among: specs) else {
                    throw ConfigError.file(
                        file, "no mapping recognises this file; name one with --mapping (known: \(specs.map(\.name).joined(separator: ", ")))")
                }
                spec = guess.spec
                how = "guessed"
            }
            let zone = try LocalZone(identifier: timeZone ?? config?.rules.hours.zone.identifier ?? "UTC")
            let phones = try PhoneNormaliser(defaultCountry: country ?? config?.defaultCountry ?? "US")
            let engine = MappingEngine(
                spec: spec,
                context: MappingContext(
                    sourceName: "inspect", phones: phones, zone: zone, ownNumbers: config?.rules.ownNumbers ?? []))
            let read = engine.read(bytes: bytes, file: file)
            let calls = CallAssembler(engine: engine).calls(from: read.legs)
            switch output {
            case .json: print(CallListing.json(calls))
            case .table:
                print(
                    "\(file): mapping \(spec.name) (\(how)): \(read.records) records, \(read.legs.count) legs, \(calls.count) calls, \(read.rejects.count) rejected"
                )
                print(CallListing.table(calls))
            }
            for reject in read.rejects { log.warning("rejected \(reject.description)") }
        } catch let error as LocalZoneError {
            throw fail(ConfigError.file(file, "\(error)"), log: log)
        } catch {
            throw fail(error, log: log)
        }
    }

    static func defaultMappingsDirectory() -> String {
        let candidates = [
            FileManager.default.currentDirectoryPath + "/mappings",
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
                .appendingPathComponent("../../mappings").standardizedFileURL.path,
            "/usr/local/share/ringback/mappings",
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0]
    }
}
