import Foundation
import GRDB
import RingbackCore
import RingbackStore
import Testing

struct StateFileTests {
    /// The journal of a big run is deleted once the run commits; the file gives those pages back
    /// instead of keeping its largest size for ever.
    @Test func aCommitThatFreesMuchOfTheFileShrinksIt() throws {
        let directory = try StateFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.sqlite").path
        let store = try SQLiteStateStore(path: path)
        let rows = (0..<5000).map { index in
            var row = StateFixtures.row("RB-\(index)")
            row.cells[.summary] = String(repeating: "a long summary of the voicemail ", count: 60)
            return row
        }
        try store.recordPendingRows(rows, target: "sheet")
        let pagesWithJournal = try Self.pages(path)
        #expect(pagesWithJournal.total > 2 * SQLiteStateStore.reclaimablePages, "the journal alone takes many pages")

        var commit = StateCommit(run: StateFixtures.run("settled"))
        commit.settledTargets = ["sheet"]
        try store.commit(commit)
        let after = try Self.pages(path)
        #expect(after.free < SQLiteStateStore.reclaimablePages)
        #expect(after.total * 4 < pagesWithJournal.total)
        #expect(try store.pendingRows("sheet").isEmpty)
        #expect(try store.lastRun() == StateFixtures.run("settled"))
    }

    private static func pages(_ path: String) throws -> (total: Int, free: Int) {
        try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0, try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0)
        }
    }

    @Test func reopeningAFileStoreKeepsItsData() throws {
        let directory = try StateFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("nested/deeper/state.sqlite").path
        let commit = StateCommit(
            newCalls: StateFixtures.variedCalls, leadAnchors: ["csv:3": "RB-1"],
            targetChanges: ["sheet": TargetStateChange(upsertRows: [StateFixtures.row("RB-1")])],
            watermarks: ["csv": StateFixtures.base], run: StateFixtures.run("first"))

        try SQLiteStateStore(path: path).commit(commit)
        let reopened = try SQLiteStateStore(path: path)

        #expect(try reopened.calls(since: nil).count == StateFixtures.variedCalls.count)
        #expect(try reopened.leadAnchors() == ["csv:3": "RB-1"])
        #expect(try reopened.targetState("sheet").rows["RB-1"] == StateFixtures.row("RB-1"))
        #expect(try reopened.watermark(source: "csv") == StateFixtures.base)
        #expect(try reopened.lastRun() == StateFixtures.run("first"))
    }

    @Test func aFileThatIsNotSQLiteIsRejectedUntouched() throws {
        let directory = try StateFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.sqlite").path
        let garbage = Data(repeating: 0x2A, count: 4096)
        try garbage.write(to: URL(fileURLWithPath: path))

        let error = try #require(throws: StateStoreError.self) { try SQLiteStateStore(path: path) }

        #expect(error.failure == .notAStateFile("not an SQLite database"))
        #expect(error.description == "state store \(path): is not a Ringback state file (not an SQLite database)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func anotherApplicationsDatabaseIsRejected() throws {
        let directory = try StateFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("contacts.db").path
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE contacts (name TEXT)")
        }

        let error = try #require(throws: StateStoreError.self) { try SQLiteStateStore(path: path) }

        #expect(error.failure == .notAStateFile("an SQLite database of another application"))
        #expect(error.description.hasPrefix("state store \(path): is not a Ringback state file"))
    }

    @Test func anEmptyFileBecomesAStore() throws {
        let directory = try StateFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.sqlite").path
        try Data().write(to: URL(fileURLWithPath: path))

        let store = try SQLiteStateStore(path: path)

        #expect(try store.lastRun() == nil)
    }

    @Test func aStoreFromANewerRingbackIsRefused() throws {
        let directory = try StateFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.sqlite").path
        try SQLiteStateStore(path: path).commit(StateCommit(run: StateFixtures.run("old")))
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v6'), ('v7')")
        }

        let error = try #require(throws: StateStoreError.self) { try SQLiteStateStore(path: path) }

        #expect(error.failure == .newerSchema(7))
        #expect(error.description.contains("was written by a newer Ringback (schema v7)"))
    }

    @Test func theCurrentSchemaIsRecordedAsV5() throws {
        let directory = try StateFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.sqlite").path
        _ = try SQLiteStateStore(path: path)

        let (identifiers, journalMode) = try DatabaseQueue(path: path).read { db in
            (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode")
            )
        }

        #expect(identifiers == ["v1", "v2", "v3", "v4", "v5"])
        #expect(journalMode == "wal")
    }

    @Test func anUncreatableDirectoryIsReported() throws {
        let directory = try StateFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let path = blocker.appendingPathComponent("state.sqlite").path

        let error = try #require(throws: StateStoreError.self) { try SQLiteStateStore(path: path) }

        guard case .cannotCreateDirectory = error.failure else {
            Issue.record("unexpected failure \(error)")
            return
        }
        #expect(error.description.hasPrefix("state store \(path): cannot create its directory"))
    }
}
