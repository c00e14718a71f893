import Foundation

/// The state store as the sync pipeline sees it; the SQLite store and the in-memory twin implement it.
public protocol StateStoring: SourceStateReading {
    /// Ledger calls that started at or after `since` (all when nil), oldest first.
    func calls(since: Date?) throws -> [Call]
    func leadAnchors() throws -> [String: String]
    func targetState(_ target: String) throws -> TargetState
    func lastRun() throws -> RunRecord?
    func commit(_ commit: StateCommit) throws
}
