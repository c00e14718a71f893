/// Keeps lines in memory so tests can assert exact output; safe to share between tasks.
public final class MemoryLogSink: LogSink {
    private let stored = LockedValue<[String]>([])

    public init() {}

    public func write(line: String) {
        stored.withLock { $0.append(line) }
    }

    /// Every line written so far, in the order the writes happened, without newlines.
    public var lines: [String] {
        stored.withLock { $0 }
    }
}
