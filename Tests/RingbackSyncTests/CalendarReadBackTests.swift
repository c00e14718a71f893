import Foundation
import RingbackCore
import Testing

@testable import RingbackSync

/// The ICS calendar read back as the crew left it: a callback they deleted is not put back, a job they
/// moved moves the lead's Appointment (unless the office changed it since), a job they cancelled
/// reopens the lead for a callback.
@Suite struct CalendarReadBackTests {
    let jobPhone = "+15125550130"

    /// The ICS file with one event's lines changed (or the event dropped when `change` returns nil).
    func editCalendar(_ workspace: SampleWorkspace, uid: String, _ change: ([String]) -> [String]?) throws {
        let text = try workspace.read(workspace.calendarPath).replacingOccurrences(of: "\r\n ", with: "")
        var out: [String] = []
        var event: [String]?
        for line in text.components(separatedBy: "\r\n") {
            if line == "BEGIN:VEVENT" { event = [line]; continue }
            if event != nil {
                event!.append(line)
                if line == "END:VEVENT" {
                    if event!.contains("UID:\(uid)") { out += change(event!) ?? [] } else { out += event! }
                    event = nil
                }
                continue
            }
            out.append(line)
        }
        try workspace.write(out.joined(separator: "\r\n"), to: "out/callbacks.ics")
    }

    func booked(_ workspace: SampleWorkspace) throws -> String {
        try workspace.sync()
        let id = try #require(try workspace.row(phone: jobPhone)?["Lead ID"])
        try workspace.setCell(id, "Appointment", to: "2026-11-23 09:30")
        try workspace.sync()
        return id
    }

    @Test func aCallbackTheCrewDeletedIsNotRecreatedAndIsReported() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let first = try workspace.sync()
        let uid = try #require(first.calendars[0].creates.first { $0.event.kind == .callback }?.uid)
        try editCalendar(workspace, uid: uid) { _ in nil }

        let plan = try workspace.sync()
        #expect(plan.calendars[0].crewChanges.map(\.kind) == [.removed])
        #expect(plan.summaryLine.contains("1 event removed by the crew, not put back"))
        #expect(!(try workspace.read(workspace.calendarPath)).contains("UID:\(uid)"))
        let again = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(600))
        #expect(again.calendars[0].crewChanges.isEmpty && again.calendars[0].isEmpty)
        #expect(!(try workspace.read(workspace.calendarPath)).contains("UID:\(uid)"))
    }

    @Test func aJobTheCrewMovedMovesTheAppointment() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let id = try booked(workspace)
        let uid = LeadEventBuilder.uid(leadID: id, kind: .job)
        try editCalendar(workspace, uid: uid) { lines in
            lines.map {
                $0.hasPrefix("DTSTART")
                    ? "DTSTART;TZID=America/Chicago:20261124T140000" : $0.hasPrefix("DTEND") ? "DTEND;TZID=America/Chicago:20261124T160000" : $0
            }
        }
        let plan = try workspace.sync()
        let appointment = try #require(try workspace.row(id)?["Appointment"])
        #expect(appointment == "2026-11-24 14:00")
        #expect(plan.sheets[0].notes.contains { $0.contains(id) && $0.contains("the crew moved the job") })
        #expect(plan.calendars[0].updates.isEmpty)
        #expect(try workspace.row(id)?["Status"] == "Booked")
        let again = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(600))
        #expect(again.calendars[0].isEmpty && again.calendars[0].crewChanges.isEmpty)
        #expect(try workspace.row(id)?["Appointment"] == "2026-11-24 14:00")
    }

    @Test func theOfficesNewAppointmentWinsOverTheCrewsMove() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let id = try booked(workspace)
        let uid = LeadEventBuilder.uid(leadID: id, kind: .job)
        try editCalendar(workspace, uid: uid) { lines in
            lines.map { $0.hasPrefix("DTSTART") ? "DTSTART:20261124T200000Z" : $0.hasPrefix("DTEND") ? "DTEND:20261124T220000Z" : $0 }
        }
        try workspace.setCell(id, "Appointment", to: "2026-11-25 08:00")
        let plan = try workspace.sync()
        #expect(try workspace.row(id)?["Appointment"] == "2026-11-25 08:00")
        #expect(plan.sheets[0].notes.contains { $0.contains(id) && $0.contains("the office's wins") })
        let update = try #require(plan.calendars[0].updates.first { $0.new.uid == uid })
        #expect(update.new.shown.start == ISO8601DateFormatter().date(from: "2026-11-25T14:00:00Z"))
        #expect(plan.calendars[0].crewChanges.contains { $0.kind == .overruled })
    }

    @Test func aJobTheCrewCancelledReopensTheLeadForACallback() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let id = try booked(workspace)
        let uid = LeadEventBuilder.uid(leadID: id, kind: .job)
        try editCalendar(workspace, uid: uid) { lines in lines.map { $0 == "STATUS:CONFIRMED" ? "STATUS:CANCELLED" : $0 } }
        let plan = try workspace.sync()
        #expect(try workspace.row(id)?["Appointment"] == "")
        #expect(try workspace.row(id)?["Status"] != "Booked")
        #expect(plan.calendars[0].crewChanges.contains { $0.uid == uid && $0.kind == .cancelled })
        let callback = LeadEventBuilder.uid(leadID: id, kind: .callback)
        #expect(plan.calendars[0].updates.contains { $0.new.uid == callback && !$0.new.event.cancelled })
        #expect(plan.sheets[0].notes.contains { $0.contains(id) && $0.contains("open for a callback again") })
    }

    @Test func anEmptiedCalendarFileIsRebuiltNotTakenAsTheCrewDeletingEverything() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let first = try workspace.sync()
        try workspace.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", to: "out/callbacks.ics")
        let plan = try workspace.sync()
        #expect(plan.calendars[0].crewChanges.isEmpty)
        let text = try workspace.read(workspace.calendarPath)
        for event in first.calendars[0].creates { #expect(text.contains("UID:\(event.uid)")) }
    }
}
