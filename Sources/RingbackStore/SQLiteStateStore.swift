import Foundation
import GRDB
import RingbackCore

/// The state store kept between runs: an SQLite file (WAL mode) holding the call ledger, lead anchors,
/// each target's last-synced rows and events, source watermarks and run history.
/// Every commit is one transaction, so a run killed at any point leaves the previous state intact.
package final class SQLiteStateStore: StateStoring {
    /// The database file, or ":memory:" for a store that lives only as long as the process.
    package let path: String
    private let database: any DatabaseWriter

    /// Opens the state file at `path`, creating it and its directory when missing and upgrading its schema.
    package convenience init(path: String) throws(StateStoreError) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StateStoreError(path: path, failure: .cannotCreateDirectory(error.localizedDescription))
            }
        }
        try StateFileInspection.check(path: path)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StateStoreError(path: path, failure: .notAStateFile("not an SQLite database"))
        } catch {
            throw StateStoreError(path: path, failure: .cannotOpen(String(describing: error)))
        }
        try self.init(database: pool, path: path)
    }

    /// A fresh, empty store in memory, for tests and dry runs.
    package static func inMemory() throws(StateStoreError) -> SQLiteStateStore {
        let path = ":memory:"
        do {
            return try SQLiteStateStore(database: DatabaseQueue(configuration: configuration), path: path)
        } catch let error as StateStoreError {
            throw error
        } catch {
            throw StateStoreError(path: path, failure: .cannotOpen(String(describing: error)))
        }
    }

    private init(database: any DatabaseWriter, path: String) throws(StateStoreError) {
        self.database = database
        self.path = path
        do {
            try database.read { db in
                if try StateSchema.migrator.hasBeenSuperseded(db) {
                    throw StateStoreError(path: path, failure: .newerSchema(try StateSchema.recordedVersion(db)))
                }
            }
            try StateSchema.migrator.migrate(database)
        } catch let error as StateStoreError {
            throw error
        } catch {
            throw StateStoreError(path: path, failure: .cannotMigrate(String(describing: error)))
        }
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.label = "RingbackState"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        return configuration
    }

    package func processedFile(source: String, path filePath: String) throws -> ProcessedFile? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT size, modified_at, content_hash FROM processed_files WHERE source = ? AND path = ?",
                arguments: [source, filePath]
            ).map { row in
                ProcessedFile(source: source, path: filePath, size: row[0], modifiedAt: Date(storedSeconds: row[1]), contentHash: row[2])
            }
        }
    }

    package func calls(since: Date?) throws -> [Call] {
        if let since {
            return try calls(where: "WHERE started_at >= ?", arguments: [since.storedSeconds])
        }
        return try calls(where: "", arguments: [])
    }

    package func liveCalls() throws -> [Call] {
        try calls(where: "INDEXED BY calls_live WHERE frozen = 0", arguments: [])
    }

    private func calls(where clause: String, arguments: StatementArguments) throws -> [Call] {
        try read { db in
            let statement = try db.makeStatement(sql: CallColumns.selectSQL + " \(clause) ORDER BY started_at, key")
            statement.arguments = arguments
            var calls: [Call] = []
            let rows = try Row.fetchCursor(statement)
            while let row = try rows.next() {
                do {
                    calls.append(try CallColumns.call(from: row))
                } catch {
                    throw StateStoreError(path: path, failure: .corruptRecord(String(describing: error)))
                }
            }
            return calls
        }
    }

    /// Only calls no later than the newest frozen one can be frozen: those are looked up one by one.
    package func frozenCallKeys(among calls: [Call]) throws -> Set<String> {
        try read { db in
            guard let newest = try Double.fetchOne(db, sql: "SELECT MAX(started_at) FROM calls INDEXED BY calls_frozen WHERE frozen = 1")
            else { return [] }
            let lookup = try db.makeStatement(sql: "SELECT frozen FROM calls WHERE key = ?")
            var keys: Set<String> = []
            for call in calls where call.startedAt.storedSeconds <= newest {
                if try Bool.fetchOne(lookup, arguments: [call.key]) == true { keys.insert(call.key) }
            }
            return keys
        }
    }

    package func frozenLeads(among leadIDs: Set<String>) throws -> Set<String> {
        try read { db in
            let lookup = try db.makeStatement(sql: "SELECT 1 FROM frozen_leads WHERE lead_id = ?")
            return try leadIDs.filter { try Bool.fetchOne(lookup, arguments: [$0]) != nil }
        }
    }

    package func leadAnchors() throws -> [String: String] {
        try read { db in
            var anchors: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT call_key, lead_id FROM lead_anchors")
            while let row = try rows.next() {
                anchors[row[0]] = row[1] as String
            }
            return anchors
        }
    }

    package func targetState(_ target: String) throws -> TargetState {
        try targetState(target, live: false)
    }

    package func liveTargetState(_ target: String) throws -> TargetState {
        try targetState(target, live: true)
    }

    package func frozenEventUIDs(_ target: String) throws -> Set<String> {
        try read { db in
            var uids: Set<String> = []
            let rows = try String.fetchCursor(db, sql: "SELECT uid FROM target_events WHERE target = ? AND frozen = 1", arguments: [target])
            while let uid = try rows.next() { uids.insert(uid) }
            return uids
        }
    }

    private func targetState(_ target: String, live: Bool) throws -> TargetState {
        try read { db in
            var state = TargetState()
            let rows = try Row.fetchCursor(
                db, sql: "SELECT lead_id, payload FROM target_rows \(live ? "INDEXED BY target_rows_live" : "") WHERE target = ?\(live ? " AND frozen = 0" : "")",
                arguments: [target])
            while let row = try rows.next() {
                let synced: SyncedRow
                do {
                    synced = try SyncedPayloadCoding.decodeRow(from: row[1])
                } catch {
                    throw StateStoreError(path: path, failure: .corruptRecord("row \(row[0] as String) of \(target): \(error)"))
                }
                state.rows[synced.leadID] = synced
            }
            let events = try Row.fetchCursor(
                db, sql: "SELECT uid, payload FROM target_events \(live ? "INDEXED BY target_events_live" : "") WHERE target = ?\(live ? " AND frozen = 0" : "")",
                arguments: [target])
            while let row = try events.next() {
                let synced: SyncedEvent
                do {
                    synced = try SyncedPayloadCoding.decodeEvent(from: row[1])
                } catch {
                    throw StateStoreError(path: path, failure: .corruptRecord("event \(row[0] as String) of \(target): \(error)"))
                }
                state.events[synced.uid] = synced
            }
            return state
        }
    }

    package func watermark(source: String) throws -> Date? {
        try read { db in
            try Double.fetchOne(db, sql: "SELECT value FROM watermarks WHERE source = ?", arguments: [source])
                .map(Date.init(storedSeconds:))
        }
    }

    package func lastRun() throws -> RunRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT started_at, finished_at, summary FROM runs ORDER BY id DESC LIMIT 1")
                .map { row in
                    RunRecord(
                        startedAt: Date(storedSeconds: row[0]), finishedAt: Date(storedSeconds: row[1]),
                        summary: row[2])
                }
        }
    }

    package func runs() throws -> [RunRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT started_at, finished_at, summary FROM runs ORDER BY id")
                .map { row in
                    RunRecord(startedAt: Date(storedSeconds: row[0]), finishedAt: Date(storedSeconds: row[1]), summary: row[2])
                }
        }
    }

    package func recordPendingRows(_ rows: [SyncedRow], target: String) throws {
        do {
            try database.write { db in
                try db.execute(sql: "DELETE FROM pending_rows WHERE target = ?", arguments: [target])
                let statement = try db.makeStatement(sql: "INSERT INTO pending_rows (target, lead_id, payload) VALUES (?, ?, ?)")
                for row in rows {
                    try statement.execute(arguments: [target, row.leadID, SyncedPayloadCoding.encode(row)])
                }
            }
        } catch {
            throw StateStoreError(path: path, failure: .cannotWrite(String(describing: error)))
        }
    }

    package func pendingRows(_ target: String) throws -> [String: SyncedRow] {
        try read { db in
            var rows: [String: SyncedRow] = [:]
            let cursor = try Row.fetchCursor(db, sql: "SELECT lead_id, payload FROM pending_rows WHERE target = ?", arguments: [target])
            while let row = try cursor.next() {
                do {
                    let synced = try SyncedPayloadCoding.decodeRow(from: row[1])
                    rows[synced.leadID] = synced
                } catch {
                    throw StateStoreError(path: path, failure: .corruptRecord("journal row \(row[0] as String) of \(target): \(error)"))
                }
            }
            return rows
        }
    }

    package func latestCall(source: String) throws -> Date? {
        try read { db in
            try Double.fetchOne(db, sql: "SELECT MAX(started_at) FROM calls WHERE source = ?", arguments: [source]).map(Date.init(storedSeconds:))
        }
    }

    package func calendarReadState(_ target: String) throws -> CalendarReadState {
        try read { db in
            guard let payload = try String.fetchOne(db, sql: "SELECT payload FROM calendar_read_state WHERE target = ?", arguments: [target])
            else { return .empty }
            do {
                return try CalendarReadStateCoding.decode(payload)
            } catch {
                throw StateStoreError(path: path, failure: .corruptRecord("calendar read state of \(target): \(error)"))
            }
        }
    }

    package func business() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'business'") }
    }

    /// Writes all of `commit` in one transaction: either every part of it is stored or none is.
    package func commit(_ commit: StateCommit) throws {
        do {
            try database.write { db in try StateCommitWriter(db).write(commit) }
            // The commit has landed: a rewrite that fails leaves the file as it was, for the next commit to try.
            try? reclaimFreePages()
        } catch let error as StateStoreError {
            throw error
        } catch {
            throw StateStoreError(path: path, failure: .cannotWrite(String(describing: error)))
        }
    }

    /// A run that wrote many rows (a first sync, and the journal of its rows, deleted once committed)
    /// leaves free pages behind; once they are a quarter of a file of some size, the file is rewritten
    /// without them, so it does not only grow.
    private func reclaimFreePages() throws {
        let (free, total) = try database.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0, try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0)
        }
        guard free >= Self.reclaimablePages, free * 4 >= total else { return }
        try database.vacuum()
    }

    /// 4 MB of 4 KB pages: less is not worth rewriting the file for.
    package static let reclaimablePages = 1024

    private func read<Value>(_ body: (Database) throws -> Value) throws -> Value {
        do {
            return try database.read(body)
        } catch let error as StateStoreError {
            throw error
        } catch {
            throw StateStoreError(path: path, failure: .cannotRead(String(describing: error)))
        }
    }
}
