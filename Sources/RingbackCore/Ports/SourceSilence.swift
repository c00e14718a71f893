import Foundation

/// A source that brought nothing it should have: its files are gone (a moved export folder, a glob with a
/// typo) or it has brought no new call for longer than its `stale_after_hours`. Under cron the leads would
/// simply stop, so the run says so in the plan and the command line exits with its own code.
public struct SourceSilence: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// No file matches the source's patterns.
        case noFiles(patterns: [String])
        /// The newest call the source ever brought started this long before the run.
        case stale(lastCall: Date, hours: Int)
    }

    public var source: String
    public var kind: Kind

    public init(source: String, kind: Kind) {
        self.source = source
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .noFiles(let patterns):
            return "source \(source): no file matches \(patterns.joined(separator: ", ")) (a moved folder or a typo?); "
                + "set `allow_empty: true` on the source if it may be empty"
        case .stale(let lastCall, let hours):
            let formatter = ISO8601DateFormatter()
            return "source \(source): no new call for more than \(hours) h (the last one started \(formatter.string(from: lastCall))); "
                + "check that the phone system still exports there, or raise `stale_after_hours`"
        }
    }

    /// The staleness rule: a source that has brought calls, the newest older than `hours`.
    public static func stale(source: String, lastCall: Date?, hours: Int, now: Date) -> SourceSilence? {
        guard hours > 0, let lastCall, now.timeIntervalSince(lastCall) > Double(hours) * 3600 else { return nil }
        return SourceSilence(source: source, kind: .stale(lastCall: lastCall, hours: hours))
    }
}
