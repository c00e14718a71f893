import Foundation
import GRDB
import RingbackCore
import Testing

@testable import RingbackStore

/// A state file written by the first release (schema v1, cells keyed by header text) opens with every
/// row's cells and pins keyed by column, and the office's pin and note survive.
@Suite struct StateMigrationTests {
    /// `make run` on the samples by the v1 release, then the office set an Owner and typed a note.
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/state-v1-samples.sqlite")
    static let sheet = "/tmp/v1/out/missed-calls.csv"
    static let calendar = "/tmp/v1/out/callbacks.ics"

    func copyOfFixture() throws -> (URL, String) {
        let directory = try StateFixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("state.sqlite").path
        try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: path)
        return (directory, path)
    }

    @Test func aVersion1StateFileIsMigratedToColumnKeys() throws {
        let (directory, path) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: directory) }

        let store = try SQLiteStateStore(path: path)
        let rows = try store.targetState(Self.sheet).rows

        #expect(rows.count == 14)
        let edited = try #require(rows["RB-EZJH376A"])
        #expect(edited.pins == [.owner: "Mike"])
        #expect(edited.cells[.notes] == "Gate code 4411")
        #expect(edited.cells[.phone] == "+15125550133")
        #expect(edited.cells[.status] == "Closed - no response")
        // A version-1 state predates the Why and Transcript columns.
        #expect(rows.values.allSatisfy { $0.cells.columns == SheetColumn.allCases.filter { !SheetColumn.addedLater.contains($0) } })
        #expect(try store.targetState(Self.calendar).events.count == 9)
        #expect(try store.calls(since: nil).count == 23)
    }

    @Test func theMigratedPayloadNamesColumnsByKeyNotByHeader() throws {
        let (directory, path) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try SQLiteStateStore(path: path)

        let payloads = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM target_rows")
        }
        #expect(payloads.count == 14)
        #expect(payloads.allSatisfy { $0.contains("\"lead_id\"") && !$0.contains("\"Lead ID\"") })
        #expect(payloads.contains { $0.contains("\"pins\":{\"owner\":\"Mike\"}") })
    }

    @Test func rowsRoundTripThroughTheStoreWithAbsentColumnsKeptAbsent() throws {
        let store = try SQLiteStateStore.inMemory()
        var cells = SheetCells()
        cells[.leadID] = "RB-1"
        cells[.summary] = "line one\nline \"two\" — ünïcode 📞"
        let row = SyncedRow(leadID: "RB-1", cells: cells, pins: [.callerType: "Existing customer"], deletedByOffice: true)
        try store.commit(StateCommit(targetChanges: ["s": TargetStateChange(upsertRows: [row])], run: StateFixtures.run("r")))

        let read = try #require(try store.targetState("s").rows["RB-1"])
        #expect(read == row)
        #expect(read.cells[.owner] == nil)
    }
}
