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

    /// An earlier release's state freezes nothing by itself: everything stays live, and every event
    /// learns its lead so a later freeze can find it.
    @Test func anEarlierStateOpensWithNothingFrozenAndEventsKnowingTheirLead() throws {
        let (directory, path) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStateStore(path: path)
        #expect(try store.liveCalls().map(\.key) == (try store.calls(since: nil)).map(\.key))
        #expect(try store.liveTargetState(Self.sheet) == (try store.targetState(Self.sheet)))
        #expect(try store.liveTargetState(Self.calendar) == (try store.targetState(Self.calendar)))
        let unlinked = try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM target_events WHERE lead_id IS NULL OR lead_id = ''")
        }
        #expect(unlinked == 0)
    }

    /// A frozen lead's calls, rows and events leave what a run loads, and stay in what the review reads.
    @Test func aFrozenLeadLeavesTheLiveLedgerAndTargets() throws {
        let (directory, path) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStateStore(path: path)
        let before = try store.calls(since: nil)
        let events = try store.targetState(Self.calendar).events.values
        let lead = try #require(events.first?.event.leadID)
        let anchors = try store.leadAnchors()
        let keys = Set(anchors.filter { $0.value == lead }.map(\.key)).union([before[0].key])
        var commit = StateCommit(run: RunRecord(startedAt: Date(), finishedAt: Date(), summary: "froze one"))
        commit.frozen = [FrozenLead(leadID: lead, callKeys: Array(keys))]
        try store.commit(commit)

        #expect(try store.frozenLeads(among: [lead, "RB-OTHER"]) == [lead])
        #expect(Set(try store.liveCalls().map(\.key)) == Set(before.map(\.key)).subtracting(keys))
        #expect(try store.frozenCallKeys(among: before) == keys)
        #expect(try store.calls(since: nil).count == before.count, "the ledger keeps every call")
        #expect(try store.liveTargetState(Self.sheet).rows[lead] == nil)
        #expect(try store.targetState(Self.sheet).rows[lead] != nil)
        #expect(try store.liveTargetState(Self.calendar).events.values.allSatisfy { $0.event.leadID != lead })
        #expect(try store.targetState(Self.calendar).events.count == events.count)
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
