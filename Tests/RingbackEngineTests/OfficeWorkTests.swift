import Foundation
import RingbackCore
import RingbackSync
import RingbackTesting
import Testing

/// The office's work, end to end through the engine and the in-memory twins.
@Suite struct OfficeWorkTests {
    @Test func aFirstRunWritesEveryLeadAndASecondRunChangesNothing() throws {
        let workspace = EngineWorkspace()
        let first = try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        #expect(first.sheets[0].creates.count == 3)
        #expect(workspace.sheet.current?.rows.count == 3)
        #expect(!workspace.calendar.events.isEmpty)

        let second = try workspace.sync(at: EngineWorkspace.evening)
        #expect(!second.hasChanges)
        #expect(second.summaryLine.hasPrefix("No changes."))
        #expect(workspace.sheet.writes == 1)
    }

    @Test func anOwnerTheOfficeTypedIsPinnedAndNeverWrittenBack() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        let lead = try #require(workspace.leadID(phone: "+15125550143"))
        workspace.sheet.type("Mike", lead: lead, column: .owner)
        workspace.sheet.type("Gate code 4411", lead: lead, column: .notes)

        let plan = try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(3600))
        #expect(plan.sheets[0].newPins.map(\.column) == [.owner])
        #expect(plan.routingCorrections == 1)
        try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(5 * 86400))
        #expect(workspace.sheet.row(lead)?[.owner] == "Mike")
        #expect(workspace.sheet.row(lead)?[.notes] == "Gate code 4411")
    }

    @Test func aRowTheOfficeDeletedIsNotRecreatedAndItsCallbackIsCancelled() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        let lead = try #require(workspace.leadID(phone: "+15125550142"))
        workspace.sheet.edit { header, rows in
            let key = SheetLayout(header: header)[.leadID]!
            rows.removeAll { $0[key] == lead }
        }

        let plan = try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(600))
        #expect(plan.sheets[0].newOfficeDeletions == [lead])
        #expect(plan.calendars[0].cancels.allSatisfy { $0.new.event.leadID == lead } && !plan.calendars[0].cancels.isEmpty)
        #expect(workspace.sheet.row(lead) == nil)
        let again = try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(1200))
        #expect(again.sheets[0].newOfficeDeletions.isEmpty && !again.hasChanges)
    }

    @Test func theOfficesColumnsAndRowOrderAreKept() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(at: EngineWorkspace.evening, Array(EngineWorkspace.friday.prefix(2)))
        workspace.sheet.edit { header, rows in
            header.insert("Tech notes", at: 0)
            for index in rows.indices { rows[index].insert("note \(index)", at: 0) }
            rows.reverse()
        }
        try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(600), [EngineWorkspace.friday[2]])
        let grid = try #require(workspace.sheet.current)
        #expect(grid.header.first == "Tech notes")
        #expect(grid.rows.map { $0[0] } == ["note 1", "note 0", ""])
        #expect(grid.rows.count == 3)
    }

    @Test func aRunKilledAfterWritingIsRepairedWithoutDuplicates() throws {
        let workspace = EngineWorkspace()
        workspace.store.failNextCommit = true
        #expect(throws: InMemoryStateStore.CommitRefused.self) {
            try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        }
        #expect(workspace.store.commits == 0)
        #expect(workspace.sheet.current?.rows.count == 3)

        workspace.source.add(EngineWorkspace.friday)
        let plan = try workspace.sync(at: EngineWorkspace.evening)
        #expect(plan.sheets[0].adopted.isEmpty)
        #expect(plan.sheets[0].notes.contains { $0.contains("recognised from its journal") })
        #expect(plan.sheets[0].creates.isEmpty && plan.sheets[0].updates.isEmpty)
        #expect(plan.calendars[0].creates.isEmpty && plan.calendars[0].adopted.count == workspace.calendar.events.count)
        #expect(workspace.sheet.current?.rows.count == 3)
        #expect(!(try workspace.sync(at: EngineWorkspace.evening)).hasChanges)
    }

    @Test func anEventTheCalendarRefusesIsRetriedNextRunWhileTheRestIsRecorded() throws {
        let workspace = EngineWorkspace()
        workspace.source.add(EngineWorkspace.friday)
        let run = try workspace.engine.prepare(now: EngineWorkspace.evening)
        let refused = try #require(run.plan.calendars[0].creates.first?.uid)
        workspace.calendar.refuse = [refused]
        #expect(throws: InMemoryCalendar.Refused.self) { try workspace.engine.apply(run, finishedAt: EngineWorkspace.evening) }
        #expect(workspace.calendar.events[refused] == nil)

        let retry = try workspace.sync(at: EngineWorkspace.evening)
        #expect(retry.calendars[0].creates.map(\.uid) == [refused])
        #expect(workspace.calendar.events[refused] != nil)
    }

    @Test func aMissingSheetIsRebuiltFromTheStateWithTheOfficesWork() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        let lead = try #require(workspace.leadID(phone: "+15125550144"))
        workspace.sheet.type("Prefers mornings", lead: lead, column: .notes)
        try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(60))
        let memoryless = EngineWorkspace(source: workspace.source, sheet: InMemorySheet(), calendar: workspace.calendar, store: workspace.store)
        let plan = try memoryless.sync(at: EngineWorkspace.evening.addingTimeInterval(120))
        #expect(plan.sheets[0].notes.contains("restored from the state"))
        #expect(memoryless.sheet.row(lead)?[.notes] == "Prefers mornings")
        #expect(memoryless.sheet.current?.rows.count == 3)
    }
}
