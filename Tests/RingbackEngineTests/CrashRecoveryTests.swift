import Foundation
import RingbackCore
import RingbackSync
import RingbackTesting
import Testing

/// A run that dies between writing the sheet and recording the state: the journal it left tells the next
/// run which values were Ringback's, so edits the office made in between always win.
@Suite struct CrashRecoveryTests {
    /// Runs the first sync, kills it before its commit, lets the office edit, and repairs.
    func crashThenEdit(
        _ edit: (EngineWorkspace, String) -> Void, at repairTime: Date = EngineWorkspace.evening.addingTimeInterval(900)
    ) throws
        -> (EngineWorkspace, String, SyncPlan)
    {
        let workspace = EngineWorkspace()
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        workspace.source.add([Fixtures.missed("c4", from: "+15125550143", at: Fixtures.central(20, 12), voicemail: "Still need someone today")])
        workspace.store.failNextCommit = true
        #expect(throws: InMemoryStateStore.CommitRefused.self) { try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(600)) }
        let lead = try #require(workspace.leadID(phone: "+15125550143"))
        edit(workspace, lead)
        workspace.source.add([Fixtures.missed("c4", from: "+15125550143", at: Fixtures.central(20, 12), voicemail: "Still need someone today")])
        let plan = try workspace.sync(at: repairTime)
        return (workspace, lead, plan)
    }

    @Test func anOfficeEditAfterACrashIsKeptAndPinned() throws {
        let (workspace, lead, plan) = try crashThenEdit { workspace, lead in
            workspace.sheet.type("Mike", lead: lead, column: .owner)
            workspace.sheet.type("Awaiting reply", lead: lead, column: .status)
        }
        #expect(Set(plan.sheets[0].newPins.map(\.column)) == [.owner, .status])
        #expect(workspace.sheet.row(lead)?[.owner] == "Mike")
        #expect(workspace.sheet.row(lead)?[.status] == "Awaiting reply")
        #expect(!(try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(1800))).hasChanges)
    }

    @Test func withoutEditsTheRepairWritesNothingTwice() throws {
        let (workspace, _, plan) = try crashThenEdit { _, _ in }
        #expect(plan.sheets[0].updates.isEmpty && plan.sheets[0].creates.isEmpty && plan.sheets[0].pins.isEmpty)
        #expect(workspace.sheet.writes == 2)
        #expect(try workspace.store.pendingRows(workspace.sheet.label).isEmpty)
    }

    @Test func aCrashBeforeTheWriteReachedTheSheetWritesItAgain() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        workspace.source.add([Fixtures.missed("c4", from: "+15125550143", at: Fixtures.central(20, 12))])
        workspace.sheet.failNextWrite = InMemoryStateStore.CommitRefused()
        #expect(throws: InMemoryStateStore.CommitRefused.self) { try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(600)) }
        let lead = try #require(workspace.leadID(phone: "+15125550143"))
        #expect(workspace.sheet.row(lead)?[.attempts] == "1")

        workspace.source.add([Fixtures.missed("c4", from: "+15125550143", at: Fixtures.central(20, 12))])
        let plan = try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(900))
        #expect(plan.sheets[0].pins.isEmpty)
        #expect(workspace.sheet.row(lead)?[.attempts] == "2")
    }

    /// Many crashes at random rows of the run, with office edits in between: none is ever lost.
    @Test func randomCrashesWithOfficeEditsLoseNothing() throws {
        var random = SystemRandomNumberGenerator()
        var edits = 0
        for trial in 0..<50 {
            let workspace = EngineWorkspace()
            try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
            let phones = ["+15125550142", "+15125550143", "+15125550144"]
            workspace.source.add(
                phones.enumerated().map { Fixtures.missed("t\(trial)-\($0.offset)", from: $0.element, at: Fixtures.central(20, 13 + $0.offset)) })
            if Bool.random(using: &random) {
                workspace.sheet.failNextWrite = InMemoryStateStore.CommitRefused()
            } else {
                workspace.store.failNextCommit = true
            }
            _ = try? workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(600))
            let phone = phones.randomElement(using: &random)!
            let lead = try #require(workspace.leadID(phone: phone))
            let note = "edit \(trial)"
            workspace.sheet.type(note, lead: lead, column: .owner)
            edits += 1
            try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(1200))
            try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(4 * 86400))
            #expect(workspace.sheet.row(lead)?[.owner] == note, "trial \(trial): the office's owner was lost")
        }
        #expect(edits == 50)
    }
}
