import ArgumentParser
import Foundation
import Logging
import RingbackLogging
import RingbackSync

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Configuration file (default: $RINGBACK_CONFIG or ./ringback.yaml).")
    var config: String?

    @Option(name: .long, help: "Log format on standard error: text or json (one JSON object per line).")
    var logFormat: LogFormat = .text

    var configPath: String {
        config ?? ProcessInfo.processInfo.environment["RINGBACK_CONFIG"] ?? "ringback.yaml"
    }
}

extension LogFormat: ExpressibleByArgument {}

extension CommonOptions {
    /// Points swift-log at standard error in the chosen format (once per process) and returns the
    /// command's logger. Warnings reach it whether or not a terminal is attached.
    func logger(_ command: String) -> Logger {
        LoggingSetup.bootstrap(format: logFormat, quiet: false, verbose: false)
        return Logger(label: "ringback.\(command)")
    }
}

/// Prints one readable line for an error and exits with its documented code.
func fail(_ error: Error, log: Logger) -> ExitCode {
    log.error("\(error)")
    return ExitCode(ExitStatus.of(error).rawValue)
}
