import ArgumentParser
import Foundation
import RingbackSync

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Configuration file (default: $RINGBACK_CONFIG or ./ringback.yaml).")
    var config: String?

    @Option(name: .long, help: "Log format on standard error: text or json (one JSON object per line).")
    var logFormat: RunLog.Format = .text

    var configPath: String {
        config ?? ProcessInfo.processInfo.environment["RINGBACK_CONFIG"] ?? "ringback.yaml"
    }
}

extension RunLog.Format: ExpressibleByArgument {}

/// Prints one readable line for an error and exits with its documented code.
func fail(_ error: Error, log: RunLog) -> ExitCode {
    log.error("\(error)")
    return ExitCode(ExitStatus.of(error).rawValue)
}
