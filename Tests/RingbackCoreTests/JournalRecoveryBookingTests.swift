import Foundation
import RingbackCore
import Testing

/// A run that showed new windows or filled an Appointment from a crew job, and died before recording it:
/// the next run's base holds what the sheet shows, so the windows stay that lead's and the crew's moves
/// are still followed.
@Suite struct JournalRecoveryBookingTests {
    let start = Date(timeIntervalSince1970: 1_795_600_000)

    func row(windows: String, appointment: String) -> SheetCells {
        var cells = SheetCells.complete()
        cells[.leadID] = "RB-1"
        cells[.offeredWindows] = windows
        cells[.appointment] = appointment
        return cells
    }

    @Test func windowsAndACrewAppointmentTheSheetShowsAreRecovered() {
        let old = OfferedWindow(start: start, end: start + 5_400, crew: "HVAC crew")
        let new = OfferedWindow(start: start + 86_400, end: start + 91_800, crew: "HVAC crew")
        let remembered = SyncedRow(leadID: "RB-1", cells: row(windows: "Mon 9:00", appointment: ""), offered: [old])
        var written = SyncedRow(leadID: "RB-1", cells: row(windows: "Tue 9:00", appointment: "2026-11-24 09:00"), offered: [new])
        written.appointmentFromCrew = true
        let found = SheetContents(exists: true, rows: ["RB-1": .init(leadID: "RB-1", cells: written.cells)])
        let base = JournalRecovery.base(remembered: ["RB-1": remembered], pending: ["RB-1": written], found: found)
        #expect(base["RB-1"]?.offered == [new])
        #expect(base["RB-1"]?.appointmentFromCrew == true)
    }

    @Test func windowsTheWriteDidNotReachStayTheStates() {
        let old = OfferedWindow(start: start, end: start + 5_400, crew: "HVAC crew")
        let new = OfferedWindow(start: start + 86_400, end: start + 91_800, crew: "HVAC crew")
        let remembered = SyncedRow(leadID: "RB-1", cells: row(windows: "Mon 9:00", appointment: ""), offered: [old])
        var written = SyncedRow(leadID: "RB-1", cells: row(windows: "Tue 9:00", appointment: "2026-11-24 09:00"), offered: [new])
        written.appointmentFromCrew = true
        let found = SheetContents(exists: true, rows: ["RB-1": .init(leadID: "RB-1", cells: remembered.cells)])
        let base = JournalRecovery.base(remembered: ["RB-1": remembered], pending: ["RB-1": written], found: found)
        #expect(base["RB-1"]?.offered == [old])
        #expect(base["RB-1"]?.appointmentFromCrew == false)
    }
}
