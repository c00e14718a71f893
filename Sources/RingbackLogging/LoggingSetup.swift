import Foundation
import Logging

/// The one place the CLI turns `--log-format`, `--quiet` and `--verbose` into swift-log handlers.
/// `makeHandler` is pure, so tests build loggers with `Logger(label:factory:)` on a `MemoryLogSink`;
/// only `bootstrap` touches the process-wide `LoggingSystem`.
package enum LoggingSetup {
    /// `--quiet` keeps warnings and errors only (it wins over `--verbose`); `--verbose` adds debug; else info.
    package static func level(quiet: Bool, verbose: Bool) -> Logger.Level {
        if quiet { return .warning }
        return verbose ? .debug : .info
    }

    /// A handler of the chosen format writing to `sink`.
    package static func makeHandler(
        label: String, format: LogFormat, level: Logger.Level, sink: any LogSink = StandardErrorSink(),
        clock: @escaping LogClock = { Date() }
    ) -> any LogHandler {
        switch format {
        case .text: return TextLogHandler(label: label, sink: sink, logLevel: level, clock: clock)
        case .json: return JSONLinesLogHandler(label: label, sink: sink, logLevel: level, clock: clock)
        }
    }

    /// Points every `Logger` of the process at standard error in the chosen format. Call it once, first
    /// thing in the command's `run()`: swift-log stops the process if `LoggingSystem.bootstrap` runs twice.
    package static func bootstrap(format: LogFormat, quiet: Bool, verbose: Bool) {
        let level = level(quiet: quiet, verbose: verbose)
        LoggingSystem.bootstrap { label in makeHandler(label: label, format: format, level: level) }
    }
}
