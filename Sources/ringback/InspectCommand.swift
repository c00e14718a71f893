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
            let (spec, how) = try Self.mapping(named: mapping, for: bytes, file: file, among: specs)
            let zone = try LocalZone(identifier: timeZone ?? config?.rules.hours.zone.identifier ?? "UTC")
            let phones = try PhoneNormaliser(defaultCountry: country ?? config?.defaultCountry ?? "US")
            let engine = MappingEngine(
                spec: spec,
                context: MappingContext(
                    sourceName: "inspect", phones: phones, zone: zone, ownNumbers: config?.rules.ownNumbers ?? []))
            let read = engine.read(bytes: bytes, file: file)
            let calls = CallAssembler(engine: engine).calls(from: read.legs)
            let report = InspectReport(engine: engine, read: read, calls: calls)
            switch output {
            case .json: print(CallListing.json(calls))
            case .table:
                print(
                    "\(file): mapping \(spec.name) (\(how)): \(read.records) records, \(read.legs.count) legs, \(calls.count) calls, \(read.rejects.count) rejected, \(report.unfinished.count) left out"
                )
                print(CallListing.table(calls))
                for line in report.lines { print(line) }
            }
            for reject in read.rejects { log.warning("rejected \(reject.description)") }
            if let warning = report.coverageWarning { log.warning("\(warning)") }
        } catch let error as LocalZoneError {
            throw fail(ConfigError.file(file, "\(error)"), log: log)
        } catch {
            throw fail(error, log: log)
        }
    }

    /// The named mapping, or the one the file shows most hints of, with how sure that is and the runner-up.
    static func mapping(named name: String?, for bytes: [UInt8], file: String, among specs: [MappingSpec]) throws -> (MappingSpec, String) {
        if let name {
            guard let named = specs.first(where: { $0.name == name }) else {
                throw ConfigError.file(file, "no mapping `\(name)`; known: \(specs.map(\.name).joined(separator: ", "))")
            }
            return (named, "named")
        }
        let ranked = MappingGuesser.ranked(bytes: bytes, among: specs)
        guard let best = ranked.first else {
            throw ConfigError.file(
                file,
                "no mapping recognises this file (none showed enough of its detection hints); name one with --mapping (known: \(specs.map(\.name).joined(separator: ", ")))"
            )
        }
        func share(_ guess: MappingGuesser.Guess) -> String { "\(guess.matched) of \(guess.hints) hints" }
        let runnerUp = ranked.dropFirst().first.map { "runner-up \($0.spec.name), \(share($0))" } ?? "no other mapping matched"
        return (best.spec, "guessed: \(share(best)), \(Int((best.confidence * 100).rounded())) % confidence; \(runnerUp)")
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
