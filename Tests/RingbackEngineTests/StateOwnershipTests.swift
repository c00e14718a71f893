import Foundation
import RingbackCore
import RingbackNormalisation
import RingbackSync
import RingbackTesting
import Testing

/// A state file that does not match its targets is refused, not adopted; `--adopt` takes the sheet as it is.
@Suite struct StateOwnershipTests {
    @Test func anOlderBackupOfTheStateIsRefused() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(at: EngineWorkspace.evening, Array(EngineWorkspace.friday.prefix(1)))
        let backup = InMemoryStateStore()
        let restored = EngineWorkspace(source: workspace.source, sheet: workspace.sheet, calendar: workspace.calendar, store: backup)
        try restored.sync(at: EngineWorkspace.evening, Array(EngineWorkspace.friday.prefix(1)))
        try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(60), Array(EngineWorkspace.friday.dropFirst()))

        restored.source.add(EngineWorkspace.friday)
        let error = #expect(throws: StateMismatch.self) { try restored.engine.prepare(now: EngineWorkspace.evening.addingTimeInterval(120)) }
        #expect(error?.description.contains("holds 2 rows the state file never wrote") == true)
    }

    @Test func anotherBusinessesStateIsRefusedAndAdoptTakesTheSheetAsItIs() throws {
        var workspace = EngineWorkspace()
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        workspace.rules.businessName = "Other Plumbing"
        #expect(throws: StateMismatch.self) { try workspace.engine.prepare(now: EngineWorkspace.evening) }

        var engine = workspace.engine
        engine.adopt = true
        let run = try engine.prepare(now: EngineWorkspace.evening)
        try engine.apply(run, finishedAt: EngineWorkspace.evening)
        #expect(try workspace.store.business() == "Other Plumbing")
        #expect(!(try workspace.sync(at: EngineWorkspace.evening)).hasChanges)
    }

    @Test func aLostStateAdoptsTheSheetKeepingEveryDifferenceAsTheOffices() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        let lead = try #require(workspace.leadID(phone: "+15125550142"))
        workspace.sheet.type("Mike", lead: lead, column: .owner)
        let fresh = EngineWorkspace(source: workspace.source, sheet: workspace.sheet, calendar: workspace.calendar, store: InMemoryStateStore())

        let plan = try fresh.sync(at: EngineWorkspace.evening.addingTimeInterval(60), EngineWorkspace.friday)
        #expect(plan.sheets[0].adopted.count == 3 && plan.sheets[0].creates.isEmpty && plan.sheets[0].updates.isEmpty)
        #expect(plan.sheets[0].pins.map(\.column) == [.owner])
        #expect(fresh.sheet.row(lead)?[.owner] == "Mike")
    }

    /// The previous release kept no journal: a run of it that died after writing left rows the state
    /// never recorded. The first run after the upgrade adopts them instead of refusing the state.
    @Test func rowsOfACrashUnderTheReleaseBeforeTheJournalAreAdopted() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(at: EngineWorkspace.evening, Array(EngineWorkspace.friday.prefix(1)))
        workspace.store.failNextCommit = true
        _ = try? workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(60), Array(EngineWorkspace.friday.dropFirst()))
        try workspace.store.recordPendingRows([], target: workspace.sheet.label)
        workspace.store.forgetBusiness()

        let plan = try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(120), Array(EngineWorkspace.friday.dropFirst()))
        #expect(plan.sheets[0].adopted.count == 2 && plan.sheets[0].creates.isEmpty)
        #expect(workspace.sheet.current?.rows.count == 3)
        #expect(try workspace.store.business() == "Test Plumbing")
    }
}
