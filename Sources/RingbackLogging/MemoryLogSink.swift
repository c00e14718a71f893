/// Keeps lines in memory so tests can assert exact output; safe to share between tasks.
package final class MemoryLogSink: LogSink {
    private let stored = LockedValue<[String]>([])

    package init() {}

    package func write(line: String) {
        stored.withLock { $0.append(line) }
    }

    /// Every line written so far, in the order the writes happened, without newlines.
    package var lines: [String] {
        stored.withLock { $0 }
    }
}
