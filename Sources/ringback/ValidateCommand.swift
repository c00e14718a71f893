import ArgumentParser
import Foundation
import Logging
import RingbackCore
import RingbackSources
import RingbackSync

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the configuration, every mapping and every list it names; exit 3 on the first problem.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let log = common.logger("validate")
        do {
            let config = try ConfigLoader.load(path: common.configPath)
            for warning in config.warnings { log.warning("\(warning)") }
            print("\(common.configPath): OK")
            print(
                "  business: \(config.rules.businessName), time zone \(ZoneSetting.label(config.rules.hours.zone)), country \(config.defaultCountry)")
            print("  mappings: \(config.mappings.map(\.name).joined(separator: ", "))")
            for source in config.sources {
                let files = source.patterns.joined(separator: ", ")
                if !source.allowEmpty && source.patterns.allSatisfy({ FileGlob.expand($0).isEmpty }) {
                    log.warning("\(SourceSilence(source: source.name, kind: .noFiles(patterns: source.patterns)))")
                }
                print("  source \(source.name): \(files) (mapping: \(source.mapping?.name ?? "guessed per file"))")
            }
            for source in config.apiSources {
                let credentials = source.api.variables.map { "$" + $0 }.joined(separator: ", ")
                print(
                    "  source \(source.name): \(source.baseURL) (API, mapping: \(source.mapping.name); credentials from \(credentials.isEmpty ? "nothing" : credentials))"
                )
            }
            for target in config.targets {
                print("  target: \(target.label)")
                if let answer = try target.check() { print("    \(answer)") }
            }
            for (crew, source) in config.booking?.calendars ?? [] { print("  crew calendar \(crew): \(source)") }
            print("  scripts: \(ScriptSituation.allCases.count) situations, placeholders checked")
            print("  state: \(config.statePath)")
            if !config.warnings.isEmpty { print("  \(config.warnings.count) warning(s), see above") }
        } catch {
            throw fail(error, log: log)
        }
    }
}
