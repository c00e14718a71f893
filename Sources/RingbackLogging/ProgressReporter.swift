import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps "what is happening now" apart from what must be recorded. Progress lines are for a person at a
/// terminal and shown only there; notes and warnings always go to the logger, terminal or not, so a
/// warning never depends on someone watching (under cron there is no terminal).
package struct ProgressReporter: Sendable {
    package let logger: Logger
    /// Where progress lines are shown; nil when nobody is watching.
    private let display: (any LogSink)?

    package init(logger: Logger, display: (any LogSink)?) {
        self.logger = logger
        self.display = display
    }

    /// Shows progress on standard error when it is a terminal and the run is not `--quiet`.
    package static func standardError(logger: Logger, quiet: Bool) -> ProgressReporter {
        let watched = isatty(STDERR_FILENO) == 1 && !quiet
        return ProgressReporter(logger: logger, display: watched ? StandardErrorSink() : nil)
    }

    package var showsProgress: Bool { display != nil }

    /// A progress line on the terminal; without one it is a debug record, seen with `--verbose`.
    package func progress(_ message: String) {
        if let display {
            display.write(line: message)
        } else {
            logger.debug("\(message)")
        }
    }

    /// Something worth recording that is not a problem (notice level: hidden by `--quiet`).
    package func note(_ message: String, metadata: Logger.Metadata = [:]) {
        logger.notice("\(message)", metadata: metadata)
    }

    /// A problem the office should see; always logged, `--quiet` or not.
    package func warning(_ message: String, metadata: Logger.Metadata = [:]) {
        logger.warning("\(message)", metadata: metadata)
    }

    /// For today's `progress: (@Sendable (String) -> Void)?` parameters.
    package var progressClosure: @Sendable (String) -> Void {
        { message in self.progress(message) }
    }
}
