import Foundation

/// The state store as the sync pipeline sees it; the SQLite store and in-memory fakes implement it.
public protocol StateStoring: Sendable {
    func processedFile(source: String, path: String) throws -> ProcessedFile?
    /// Ledger calls that started at or after `since` (all when nil), oldest first.
    func calls(since: Date?) throws -> [Call]
    func leadAnchors() throws -> [String: String]
    func targetState(_ target: String) throws -> TargetState
    func watermark(source: String) throws -> Date?
    func lastRun() throws -> RunRecord?
    func commit(_ commit: StateCommit) throws
}
