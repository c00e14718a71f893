import Foundation

/// The state store as the sync pipeline sees it; the SQLite store and the in-memory twin implement it.
public protocol StateStoring: SourceStateReading {
    /// Ledger calls that started at or after `since` (all when nil), oldest first.
    func calls(since: Date?) throws -> [Call]
    func leadAnchors() throws -> [String: String]
    func targetState(_ target: String) throws -> TargetState
    func lastRun() throws -> RunRecord?
    /// Every recorded run, oldest first (the weekly review's time to owner assignment).
    func runs() throws -> [RunRecord]
    func commit(_ commit: StateCommit) throws
    /// Records, in a transaction of its own, the sheet rows a run is about to write (the journal), so
    /// the run after a crash knows exactly which values Ringback wrote. Replaces any earlier entry.
    func recordPendingRows(_ rows: [SyncedRow], target: String) throws
    /// The rows a run recorded before writing and did not live to commit.
    func pendingRows(_ target: String) throws -> [String: SyncedRow]
    /// The business the state was written for; nil for a new state.
    func business() throws -> String?
    /// What a calendar that reads itself back kept from the last run (`.empty` when nothing).
    func calendarReadState(_ target: String) throws -> CalendarReadState

    /// The ledger a run plans from: every call but those of frozen leads (`StateCommit.frozen`), oldest
    /// first, read through an index so a run's cost follows the open leads, not history.
    func liveCalls() throws -> [Call]
    /// Of `calls` (as a source brought them), the keys the ledger holds for a frozen lead.
    func frozenCallKeys(among calls: [Call]) throws -> Set<String>
    /// Of `leadIDs`, those frozen.
    func frozenLeads(among leadIDs: Set<String>) throws -> Set<String>
    /// A target's remembered state without what frozen leads left there: no archived row, no event of a
    /// frozen lead.
    func liveTargetState(_ target: String) throws -> TargetState
    /// The UIDs of a target's events that belong to frozen leads.
    func frozenEventUIDs(_ target: String) throws -> Set<String>
}
