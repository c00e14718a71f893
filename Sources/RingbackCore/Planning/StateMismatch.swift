/// The state file does not belong to these targets: another business's, or a backup older than the
/// sheet. Adopting it would take Ringback's remembered values over the office's work, so the run stops
/// and says how to go on (`ringback sync --adopt` takes the sheet as it is).
public struct StateMismatch: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The state was written for another business name.
        case business(stored: String, configured: String)
        /// The sheet holds rows of leads the state never wrote.
        case unknownRows(target: String, count: Int, examples: [String])
    }

    public var kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .business(let stored, let configured):
            return "the state file was written for `\(stored)`, but the configuration's business.name is `\(configured)`; "
                + "point `state:` at this business's state file, or run `ringback sync --adopt` once if the business was renamed"
        case .unknownRows(let target, let count, let examples):
            return "\(target) holds \(count) row\(count == 1 ? "" : "s") the state file never wrote (\(examples.joined(separator: ", ")))"
                + ": the state looks like an older backup or another sheet's. Restore the newest state file, or run "
                + "`ringback sync --adopt` once to take the sheet as it is (the office's values are kept and pinned)"
        }
    }
}
