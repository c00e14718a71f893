import Foundation
import Logging
import RingbackLogging

/// 2026-11-20T23:00:01Z, stamped on every test record.
let fixedTime = Date(timeIntervalSince1970: 1_795_215_601)
let fixedClock: LogClock = { fixedTime }

/// A logger on a fresh in-memory sink, without touching the process-wide LoggingSystem.
func makeLogger(_ format: LogFormat, level: Logger.Level = .info, label: String = "ringback.sync") -> (Logger, MemoryLogSink) {
    let sink = MemoryLogSink()
    let logger = Logger(label: label) { label in
        LoggingSetup.makeHandler(label: label, format: format, level: level, sink: sink, clock: fixedClock)
    }
    return (logger, sink)
}

struct SampleError: Error, CustomStringConvertible {
    var description: String { "token refused" }
}
