import Foundation

/// What the weekly review is computed from, all of it as the state store keeps it: the call ledger, which
/// calls became which lead, the sheet's rows with the office's pins, and the run history.
public struct ReviewLedger: Sendable {
    public var calls: [Call]
    /// Call key → Lead ID issued by the runs (the lead builder's anchors).
    public var anchors: [String: String]
    /// Lead ID → the row as the last run left it.
    public var rows: [String: SyncedRow]
    public var runs: [RunRecord]

    public init(calls: [Call], anchors: [String: String], rows: [String: SyncedRow], runs: [RunRecord]) {
        self.calls = calls
        self.anchors = anchors
        self.rows = rows
        self.runs = runs
    }
}
