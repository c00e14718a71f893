import Testing

@testable import RingbackCore

@Suite struct SheetPlannerTests {
    let planner = SheetPlanner()

    func row(_ id: String, status: String = "New missed call", owner: String = "Office manager") -> DesiredRow {
        var cells = SheetCells()
        for column in SheetColumn.allCases where !column.isOfficeOwned && column != .lastSynced { cells[column] = "" }
        cells[.leadID] = id
        cells[.status] = status
        cells[.owner] = owner
        cells[.phone] = "+15125550142"
        return DesiredRow(leadID: id, cells: cells)
    }

    /// The sheet after a plan was applied and the office did nothing.
    func sheet(after plan: SheetPlan, base: [String: SyncedRow] = [:]) -> (SheetContents, [String: SyncedRow]) {
        var state = base
        for synced in plan.stateChange.upsertRows { state[synced.leadID] = synced }
        var rows: [String: SheetContents.Row] = [:]
        for (id, synced) in state where !synced.deletedByOffice {
            var cells = synced.cells
            for (column, value) in synced.pins { cells[column] = value }
            rows[id] = .init(leadID: id, cells: cells)
        }
        return (SheetContents(exists: true, rows: rows), state)
    }

    @Test func anEmptyAppointmentIsFilledFromACrewCalendarButATypedOneStands() {
        var booked = row("RB-1")
        booked.cells[.appointment] = "2026-11-24 13:00"
        let created = planner.plan(target: "s", desired: [booked], current: .missing, base: [:], syncedAt: "t1")
        #expect(created.creates[0].cells[.appointment] == "2026-11-24 13:00" && created.creates[0].cells[.notes] == "")
        let first = planner.plan(target: "s", desired: [row("RB-1")], current: .missing, base: [:], syncedAt: "t1")
        let (current, base) = sheet(after: first)
        let filled = planner.plan(target: "s", desired: [booked], current: current, base: base, syncedAt: "t2")
        #expect(filled.updates.first?.changes.map(\.column) == [.appointment, .lastSynced])
        var typed = current
        typed.rows["RB-1"]?.cells[.appointment] = "2026-11-26 10:00"
        let kept = planner.plan(target: "s", desired: [booked], current: typed, base: base, syncedAt: "t2")
        #expect(kept.updates.isEmpty)
        #expect(kept.stateChange.upsertRows.first?.cells[.appointment] == "2026-11-26 10:00")
    }

    @Test func newLeadsAreCreatedWithEmptyOfficeColumnsAndARerunPlansNothing() {
        let first = planner.plan(target: "s", desired: [row("RB-1"), row("RB-2")], current: .missing, base: [:], syncedAt: "t1")
        #expect(first.creates.map(\.leadID) == ["RB-1", "RB-2"])
        #expect(first.creates[0].cells[.notes] == "" && first.creates[0].cells[.appointment] == "")
        #expect(first.creates[0].cells[.lastSynced] == "t1")
        let (current, base) = sheet(after: first)
        let second = planner.plan(target: "s", desired: [row("RB-1"), row("RB-2")], current: current, base: base, syncedAt: "t2")
        #expect(!second.writesTarget)
        #expect(second.stateChange.isEmpty)
        #expect(second.pins.isEmpty)
    }

    @Test func aChangedValueIsAnUpdateWithOldAndNewAndLastSyncedMoves() {
        let first = planner.plan(target: "s", desired: [row("RB-1")], current: .missing, base: [:], syncedAt: "t1")
        let (current, base) = sheet(after: first)
        let plan = planner.plan(target: "s", desired: [row("RB-1", status: "Awaiting reply")], current: current, base: base, syncedAt: "t2")
        #expect(plan.updates.count == 1)
        let changes = plan.updates[0].changes
        #expect(changes.contains(.init(column: .status, old: "New missed call", new: "Awaiting reply")))
        #expect(changes.contains(.init(column: .lastSynced, old: "t1", new: "t2")))
    }

    @Test func anOfficeEditPinsTheCellAndIsCountedAsARoutingCorrection() {
        let first = planner.plan(target: "s", desired: [row("RB-1")], current: .missing, base: [:], syncedAt: "t1")
        var (current, base) = sheet(after: first)
        current.rows["RB-1"]!.cells[.owner] = "Dispatcher"
        let plan = planner.plan(target: "s", desired: [row("RB-1", status: "Awaiting reply")], current: current, base: base, syncedAt: "t2")
        #expect(plan.newPins.count == 1)
        #expect(plan.newPins[0].column == .owner && plan.newPins[0].office == "Dispatcher" && plan.newPins[0].wanted == "Office manager")
        #expect(plan.routingCorrections == 1)
        #expect(plan.updates[0].changes.allSatisfy { $0.column != .owner })

        // Next run: the pin holds, is not new, and the owner is never written back.
        for synced in plan.stateChange.upsertRows { base[synced.leadID] = synced }
        current.rows["RB-1"]!.cells[.status] = "Awaiting reply"
        let later = planner.plan(target: "s", desired: [row("RB-1", status: "Awaiting reply")], current: current, base: base, syncedAt: "t3")
        #expect(!later.writesTarget)
        #expect(later.newPins.isEmpty)
        #expect(later.pins.count == 1)
    }

    @Test func aRowTheOfficeDeletedIsNotRecreatedAndIsReportedOnce() {
        let first = planner.plan(target: "s", desired: [row("RB-1"), row("RB-2")], current: .missing, base: [:], syncedAt: "t1")
        var (current, base) = sheet(after: first)
        current.rows["RB-2"] = nil
        let plan = planner.plan(
            target: "s", desired: [row("RB-1"), row("RB-2", status: "Awaiting reply")], current: current, base: base, syncedAt: "t2")
        #expect(plan.creates.isEmpty && plan.updates.isEmpty)
        #expect(plan.newOfficeDeletions == ["RB-2"])
        for synced in plan.stateChange.upsertRows { base[synced.leadID] = synced }
        let again = planner.plan(target: "s", desired: [row("RB-1"), row("RB-2")], current: current, base: base, syncedAt: "t3")
        #expect(again.newOfficeDeletions.isEmpty && !again.writesTarget && again.stateChange.isEmpty)
    }

    @Test func rowsWrittenByAnInterruptedRunAreAdoptedNotDuplicated() {
        let first = planner.plan(target: "s", desired: [row("RB-1")], current: .missing, base: [:], syncedAt: "t1")
        let (current, _) = sheet(after: first)
        let plan = planner.plan(target: "s", desired: [row("RB-1")], current: current, base: [:], syncedAt: "t2")
        #expect(plan.creates.isEmpty && plan.updates.isEmpty)
        #expect(plan.adopted == ["RB-1"])
        #expect(plan.stateChange.upsertRows.map(\.leadID) == ["RB-1"])
    }

    @Test func aValueTheInterruptedRunAlreadyWroteIsNotMistakenForAnOfficeEdit() {
        let first = planner.plan(target: "s", desired: [row("RB-1")], current: .missing, base: [:], syncedAt: "t1")
        var (current, base) = sheet(after: first)
        current.rows["RB-1"]!.cells[.status] = "Awaiting reply"
        let plan = planner.plan(target: "s", desired: [row("RB-1", status: "Awaiting reply")], current: current, base: base, syncedAt: "t2")
        #expect(plan.pins.isEmpty)
        #expect(!plan.writesTarget)
        for synced in plan.stateChange.upsertRows { base[synced.leadID] = synced }
        #expect(base["RB-1"]!.cells[.status] == "Awaiting reply")
    }

    @Test func notesAndAppointmentsTypedByTheOfficeAreRememberedButNeverWritten() {
        let first = planner.plan(target: "s", desired: [row("RB-1")], current: .missing, base: [:], syncedAt: "t1")
        var (current, base) = sheet(after: first)
        current.rows["RB-1"]!.cells[.notes] = "Gate code 4411"
        let plan = planner.plan(target: "s", desired: [row("RB-1")], current: current, base: base, syncedAt: "t2")
        #expect(!plan.writesTarget && plan.pins.isEmpty)
        #expect(plan.stateChange.upsertRows.first?.cells[.notes] == "Gate code 4411")
    }

    @Test func duplicateIDsAreReportedAndAColumnMissingFromTheSheetIsLeftAlone() {
        let first = planner.plan(target: "s", desired: [row("RB-1")], current: .missing, base: [:], syncedAt: "t1")
        var (current, base) = sheet(after: first)
        base["RB-1"]!.pins = [:]
        current.duplicateIDs = ["RB-1"]
        current.rows["RB-1"]!.cells[.urgency] = nil
        var desired = row("RB-1")
        desired.cells[.urgency] = "Same-day"
        let plan = planner.plan(target: "s", desired: [desired], current: current, base: base, syncedAt: "t2")
        #expect(plan.duplicateIDs == ["RB-1"])
        #expect(plan.pins.isEmpty && !plan.writesTarget)
    }
}
