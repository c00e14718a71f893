import Foundation
import RingbackCore

/// The state store held in memory, with the SQLite store's rule that a commit lands whole or not at all.
package final class InMemoryStateStore: StateStoring, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: ProcessedFile] = [:]
    private var ledger: [String: Call] = [:]
    private var anchors: [String: String] = [:]
    private var targets: [String: TargetState] = [:]
    private var marks: [String: Date] = [:]
    private var history: [RunRecord] = []
    private var journal: [String: [String: SyncedRow]] = [:]
    private var owner: String?
    private var readStates: [String: CalendarReadState] = [:]
    private var frozenLeadIDs: Set<String> = []
    private var frozenCalls: Set<String> = []

    /// Set to make the next commit fail, as a run killed after writing its targets would leave things.
    package var failNextCommit = false

    package init() {}

    /// The error a refused commit throws.
    package struct CommitRefused: Error, Sendable {
        package init() {}
    }

    package var commits: Int { lock.withLock { history.count } }

    package func processedFile(source: String, path: String) throws -> ProcessedFile? {
        lock.withLock { files[source + "\u{1F}" + path] }
    }

    package func calls(since: Date?) throws -> [Call] {
        lock.withLock {
            ledger.values.filter { call in since.map { call.startedAt >= $0 } ?? true }
                .sorted { ($0.startedAt, $0.key) < ($1.startedAt, $1.key) }
        }
    }

    package func liveCalls() throws -> [Call] {
        try calls(since: nil).filter { call in lock.withLock { !frozenCalls.contains(call.key) } }
    }

    package func frozenCallKeys(among calls: [Call]) throws -> Set<String> {
        lock.withLock { Set(calls.map(\.key).filter(frozenCalls.contains)) }
    }

    package func frozenLeads(among leadIDs: Set<String>) throws -> Set<String> { lock.withLock { leadIDs.intersection(frozenLeadIDs) } }

    package func liveTargetState(_ target: String) throws -> TargetState {
        lock.withLock {
            var state = targets[target] ?? .empty
            state.rows = state.rows.filter { !frozenLeadIDs.contains($0.key) }
            state.events = state.events.filter { !frozenLeadIDs.contains($0.value.event.leadID) }
            return state
        }
    }

    package func frozenEventUIDs(_ target: String) throws -> Set<String> {
        lock.withLock {
            Set((targets[target]?.events ?? [:]).filter { frozenLeadIDs.contains($0.value.event.leadID) }.keys)
        }
    }

    /// Whether a lead was frozen by a commit.
    package func isFrozen(_ leadID: String) -> Bool { lock.withLock { frozenLeadIDs.contains(leadID) } }

    package func leadAnchors() throws -> [String: String] { lock.withLock { anchors } }
    package func targetState(_ target: String) throws -> TargetState { lock.withLock { targets[target] ?? .empty } }
    package func watermark(source: String) throws -> Date? { lock.withLock { marks[source] } }
    package func lastRun() throws -> RunRecord? { lock.withLock { history.last } }
    package func runs() throws -> [RunRecord] { lock.withLock { history } }
    package func business() throws -> String? { lock.withLock { owner } }
    /// Makes the state look like one written before businesses were recorded (an earlier release's).
    package func forgetBusiness() { lock.withLock { owner = nil } }
    package func latestCall(source: String) throws -> Date? {
        lock.withLock { ledger.values.filter { $0.source == source }.map(\.startedAt).max() }
    }
    package func pendingRows(_ target: String) throws -> [String: SyncedRow] { lock.withLock { journal[target] ?? [:] } }
    package func calendarReadState(_ target: String) throws -> CalendarReadState { lock.withLock { readStates[target] ?? .empty } }

    package func recordPendingRows(_ rows: [SyncedRow], target: String) throws {
        lock.withLock { journal[target] = Dictionary(rows.map { ($0.leadID, $0) }) { _, last in last } }
    }

    package func commit(_ commit: StateCommit) throws {
        try lock.withLock {
            if failNextCommit {
                failNextCommit = false
                throw CommitRefused()
            }
            for (old, new) in commit.renamedTargets {
                targets[new] = targets.removeValue(forKey: old)
                if let read = readStates.removeValue(forKey: old) { readStates[new] = read }
            }
            for file in commit.processedFiles { files[file.source + "\u{1F}" + file.path] = file }
            for call in commit.newCalls where ledger[call.key] == nil { ledger[call.key] = call }
            for call in commit.updatedCalls where ledger[call.key] != nil { ledger[call.key] = call }
            anchors.merge(commit.leadAnchors) { _, new in new }
            for (target, change) in commit.targetChanges {
                var state = targets[target] ?? .empty
                for row in change.upsertRows { state.rows[row.leadID] = row }
                for event in change.upsertEvents { state.events[event.uid] = event }
                targets[target] = state
            }
            marks.merge(commit.watermarks) { _, new in new }
            readStates.merge(commit.calendarReadStates) { _, new in new }
            for lead in commit.frozen {
                frozenLeadIDs.insert(lead.leadID)
                frozenCalls.formUnion(lead.callKeys)
            }
            for target in commit.settledTargets { journal[target] = nil }
            if let business = commit.business { owner = business }
            history.append(commit.run)
        }
    }
}
