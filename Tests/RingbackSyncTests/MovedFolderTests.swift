import Foundation
import RingbackCore
import RingbackStore
import Testing

@testable import RingbackSync

/// The state knows targets and files by what they are, not by where the folder is: moving or restoring
/// the whole folder elsewhere re-reads nothing and reverts none of the office's work.
@Suite struct MovedFolderTests {
    @Test func aFolderRestoredElsewhereKeepsTheOfficesWork() throws {
        var workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let owned = try #require(try workspace.row(phone: "+15125550133")?["Lead ID"])
        let closed = try #require(try workspace.row(phone: "+15125550142")?["Lead ID"])
        let deleted = try #require(try workspace.row(phone: "+15125550175")?["Lead ID"])
        try workspace.setCell(owned, "Owner", to: "Mike")
        try workspace.setCell(closed, "Status", to: "Closed - not a fit")
        try workspace.editSheet { header, rows in
            let key = header.firstIndex(of: "Lead ID")!
            rows.removeAll { $0[key] == deleted }
        }
        let edits = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(600))
        #expect(edits.sheets[0].newPins.count == 2 && edits.sheets[0].newOfficeDeletions == [deleted])

        workspace = try workspace.restoredElsewhere()
        let plan = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(1200))

        #expect(plan.ingest.filesRead == 0 && plan.ingest.filesSkipped == 4)
        #expect(plan.sheets[0].adopted.isEmpty && plan.sheets[0].creates.isEmpty && plan.sheets[0].updates.isEmpty)
        #expect(plan.calendars[0].adopted.isEmpty && plan.calendars[0].creates.isEmpty)
        #expect(!plan.hasChanges)
        #expect(try workspace.row(owned)?["Owner"] == "Mike")
        #expect(try workspace.row(closed)?["Status"] == "Closed - not a fit")
        #expect(try workspace.row(deleted) == nil)
    }

    @Test func targetsAreNamedByTypeAndPathInsideTheConfigFolder() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let config = try ConfigLoader.load(path: workspace.configPath)
        #expect(config.targets.map(\.label) == ["csv-sheet:../out/missed-calls.csv", "ics-calendar:../out/callbacks.ics"])
    }

    @Test func stateRecordedUnderAbsolutePathsMovesToTheNewNames() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        // A state file as the previous release wrote it: targets and files by absolute path.
        let store = try SQLiteStateStore(path: workspace.statePath)
        let sheet = try store.targetState("csv-sheet:../out/missed-calls.csv")
        var asBefore = StateCommit(run: RunRecord(startedAt: .now, finishedAt: .now, summary: "as v1"))
        asBefore.renamedTargets = [
            "csv-sheet:../out/missed-calls.csv": workspace.sheetPath,
            "ics-calendar:../out/callbacks.ics": workspace.calendarPath,
        ]
        try store.commit(asBefore)
        #expect(try store.targetState("csv-sheet:../out/missed-calls.csv") == .empty)

        let plan = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(60))
        #expect(plan.sheets[0].adopted.isEmpty && !plan.hasChanges)
        #expect(try store.targetState("csv-sheet:../out/missed-calls.csv") == sheet)
        #expect(try store.targetState(workspace.sheetPath) == .empty)
    }
}
