import Foundation
import RingbackCore
import RingbackEmulator
import RingbackGoogle
import RingbackJSON
import RingbackTesting
import Testing

@testable import RingbackSync

/// Google calendars read back as the crew left them, on the emulator through the real clients: the first
/// run lists Ringback's events whole, later runs only what changed (one `events.list` per calendar when
/// nothing did), and what the crew deleted, moved, cancelled or moved to another calendar is followed.
@Suite struct GoogleCalendarReadBackTests {
    let jobPhone = "+15125550130"

    func eventID(_ lead: String, _ kind: EventKind) -> String {
        CalendarEventResource.eventID(uid: LeadEventBuilder.uid(leadID: lead, kind: kind))
    }

    /// The event of a lead in a calendar, as Google holds it (cancelled ones included).
    func event(_ google: GoogleWorkspace, _ calendar: String, _ id: String) -> JSONValue? {
        google.emulator.events(calendarID: calendar).first { $0["id"]?.string == id }
    }

    /// The calendar that holds an event live (the owner's, or the shared one).
    func home(_ google: GoogleWorkspace, _ id: String) -> String? {
        [GoogleWorkspace.officeCalendar, GoogleWorkspace.onCallCalendar].first { event(google, $0, id)?["status"] == "confirmed" }
    }

    /// A lead with a job booked on the 23rd at 9:30, and the calendar its job was written to.
    func booked(_ google: GoogleWorkspace) throws -> (lead: String, calendar: String) {
        try google.sync()
        let id = try #require(google.sheet().first { $0["Phone"] == jobPhone }?["Lead ID"])
        try google.type("11/23/2026 9:30 AM", lead: id, column: "Appointment")
        try google.sync()
        return (id, try #require(home(google, eventID(id, .job))))
    }

    func listRequests(_ google: GoogleWorkspace) -> Int { google.requestCounts()["calendar.events.list"] ?? 0 }

    @Test func aCallbackTheCrewDeletedIsNotRecreatedAndIsReported() throws {
        let google = try GoogleWorkspace()
        let first = try google.sync()
        let callback = try #require(first.calendars[0].creates.first { $0.event.kind == .callback && $0.event.owner != "On-call tech" })
        let id = CalendarEventResource.eventID(uid: callback.uid)
        google.emulator.deleteEvent(calendarID: GoogleWorkspace.officeCalendar, eventID: id)

        let plan = try google.sync()
        #expect(plan.calendars[0].crewChanges.map(\.kind) == [.removed])
        #expect(plan.calendars[0].crewChanges.first?.uid == callback.uid)
        #expect(plan.summaryLine.contains("1 event removed by the crew, not put back"))
        #expect(PlanTextRenderer(time: LocalTimeText(zone: Fixtures.zone)).render(plan).contains("deleted by the crew; not re-created"))
        #expect(plan.calendars[0].isEmpty)
        #expect(event(google, GoogleWorkspace.officeCalendar, id)?["status"] == "cancelled")
        google.emulator.resetCounts()
        let again = try google.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(600))
        #expect(again.calendars[0].crewChanges.isEmpty && again.calendars[0].isEmpty)
        #expect(google.requestCounts()["calendar.batch"] == nil, "nothing written")
        #expect(event(google, GoogleWorkspace.officeCalendar, id)?["status"] == "cancelled")
    }

    @Test func aJobTheCrewMovedMovesTheAppointment() throws {
        let google = try GoogleWorkspace()
        let (id, calendar) = try booked(google)
        try google.emulator.editEvent(
            calendarID: calendar, eventID: eventID(id, .job),
            ["start": ["dateTime": "2026-11-24T14:00:00-06:00"], "end": ["dateTime": "2026-11-24T16:00:00-06:00"]])

        let plan = try google.sync()
        let appointment = try #require(google.row(id)?["Appointment"])
        #expect(appointment.contains("2026-11-24") || appointment.contains("11/24/2026"))
        #expect(appointment.contains("14:00") || appointment.contains("2:00"))
        #expect(plan.sheets[0].notes.contains { $0.contains(id) && $0.contains("the crew moved the job") })
        #expect(plan.calendars[0].updates.isEmpty)
        #expect(google.row(id)?["Status"] == "Booked")
        let job = try #require(event(google, calendar, eventID(id, .job)))
        #expect(job["start"]?["dateTime"] == "2026-11-24T14:00:00-06:00", "the crew's time stays")
        let again = try google.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(600))
        #expect(again.calendars[0].isEmpty && again.calendars[0].crewChanges.isEmpty)
        #expect(google.row(id)?["Appointment"] == appointment)
    }

    @Test func theOfficesNewAppointmentWinsOverTheCrewsMove() throws {
        let google = try GoogleWorkspace()
        let (id, calendar) = try booked(google)
        try google.emulator.editEvent(
            calendarID: calendar, eventID: eventID(id, .job),
            ["start": ["dateTime": "2026-11-24T14:00:00-06:00"], "end": ["dateTime": "2026-11-24T16:00:00-06:00"]])
        try google.type("11/25/2026 8:00 AM", lead: id, column: "Appointment")

        let plan = try google.sync()
        #expect(plan.sheets[0].notes.contains { $0.contains(id) && $0.contains("the office's wins") })
        #expect(plan.calendars[0].crewChanges.contains { $0.kind == .overruled })
        let job = try #require(event(google, calendar, eventID(id, .job)))
        #expect(job["start"]?["dateTime"] == "2026-11-25T08:00:00-06:00")
        let appointment = try #require(google.row(id)?["Appointment"])
        #expect(appointment.contains("8:00") || appointment.contains("08:00"))
    }

    @Test func aJobTheCrewDeletedReopensTheLeadForACallback() throws {
        let google = try GoogleWorkspace()
        let (id, calendar) = try booked(google)
        #expect(event(google, calendar, eventID(id, .callback))?["status"] == "cancelled", "booked: no callback")
        google.emulator.deleteEvent(calendarID: calendar, eventID: eventID(id, .job))

        let plan = try google.sync()
        #expect(google.row(id)?["Appointment"] == "")
        #expect(google.row(id)?["Status"] != "Booked")
        let uid = LeadEventBuilder.uid(leadID: id, kind: .job)
        #expect(plan.calendars[0].crewChanges.contains { $0.uid == uid && $0.kind == .removed })
        #expect(plan.sheets[0].notes.contains { $0.contains(id) && $0.contains("open for a callback again") })
        #expect(event(google, calendar, eventID(id, .callback))?["status"] == "confirmed", "the callback is back")
        #expect(event(google, calendar, eventID(id, .job))?["status"] == "cancelled")
    }

    @Test func aStaleSyncTokenFallsBackToAFullListingAndStaysCorrect() throws {
        let google = try GoogleWorkspace()
        let first = try google.sync()
        try google.sync()
        let callback = try #require(first.calendars[0].creates.first { $0.event.kind == .callback && $0.event.owner != "On-call tech" })
        google.emulator.deleteEvent(calendarID: GoogleWorkspace.officeCalendar, eventID: CalendarEventResource.eventID(uid: callback.uid))
        google.emulator.expireSyncTokens()
        google.emulator.resetCounts()

        let plan = try google.sync()
        #expect(plan.calendars[0].crewChanges.map(\.uid) == [callback.uid])
        #expect(plan.calendars[0].isEmpty, "nothing re-created, nothing else taken as deleted")
        // Per calendar: the refused incremental listing (410), then the whole listing, one per kind.
        #expect(listRequests(google) == 2 * (1 + EventKind.allCases.count))
        google.emulator.resetCounts()
        let again = try google.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(600))
        #expect(!again.hasChanges && again.calendars[0].crewChanges.isEmpty)
        #expect(listRequests(google) == 2)
    }

    @Test func aRunWithNoChangeListsEachCalendarOnceAndWritesNothing() throws {
        let google = try GoogleWorkspace()
        google.emulator.resetCounts()
        try google.sync()
        #expect(listRequests(google) == 2 * EventKind.allCases.count, "the first read lists Ringback's events whole")
        try google.sync()
        google.emulator.resetCounts()
        let plan = try google.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(600))
        #expect(!plan.hasChanges && plan.calendars[0].crewChanges.isEmpty)
        let counts = google.requestCounts().filter { $0.key.hasPrefix("calendar") }
        #expect(counts == ["calendar.events.list": 2], "one listing per calendar, no write")
    }

    /// The workspace's engine with the Google calendar target listing `pageSize` events a page.
    func engine(_ google: GoogleWorkspace, pageSize: Int) throws -> SyncEngine {
        let configured = try google.engine()
        let calendars = configured.calendars.map { calendar -> any CalendarTarget in
            guard var target = calendar as? GoogleCalendarTarget else { return calendar }
            target.pageSize = pageSize
            return target
        }
        var engine = SyncEngine(
            sources: configured.sources, sheet: configured.sheet, calendars: calendars, store: configured.store, planner: configured.planner,
            rejectsPath: configured.rejectsPath)
        engine.statusPath = configured.statusPath
        engine.crewCalendars = configured.crewCalendars
        return engine
    }

    @Test func listingsPageThroughEveryPage() throws {
        let google = try GoogleWorkspace()
        let first = try engine(google, pageSize: 3).runOnce(at: SampleWorkspace.sampleNow)
        #expect(first.calendars[0].creates.count > 3 * EventKind.allCases.count)
        google.emulator.resetCounts()
        let whole = try engine(google, pageSize: 3).runOnce(at: SampleWorkspace.sampleNow)
        #expect(!whole.hasChanges && whole.calendars[0].crewChanges.isEmpty, "every page was read: nothing taken as deleted")
        #expect(listRequests(google) > 2, "the run's own writes came back over several pages")
        google.emulator.deleteEvent(
            calendarID: GoogleWorkspace.officeCalendar,
            eventID: CalendarEventResource.eventID(uid: try #require(first.calendars[0].creates.last { $0.event.owner != "On-call tech" }).uid))
        let plan = try engine(google, pageSize: 3).runOnce(at: SampleWorkspace.sampleNow)
        #expect(plan.calendars[0].crewChanges.map(\.kind) == [.removed])
    }

    @Test func anEventTheCrewMovedToAnotherOfRingbacksCalendarsIsFollowed() throws {
        let google = try GoogleWorkspace()
        let (id, calendar) = try booked(google)
        let job = eventID(id, .job)
        let other = calendar == GoogleWorkspace.officeCalendar ? GoogleWorkspace.onCallCalendar : GoogleWorkspace.officeCalendar
        try google.emulator.moveEvent(calendarID: calendar, eventID: job, to: other)

        let plan = try google.sync()
        #expect(plan.calendars[0].isEmpty, "not re-created in the office calendar")
        #expect(plan.calendars[0].crewChanges.isEmpty, "not taken as deleted")
        #expect(google.row(id)?["Status"] == "Booked")
        #expect(event(google, calendar, job)?["status"] == "cancelled")
        #expect(event(google, other, job)?["status"] == "confirmed")

        // Managed where it is now: a new Appointment moves the job there; where it was keeps no live copy.
        try google.type("11/25/2026 8:00 AM", lead: id, column: "Appointment")
        let moved = try google.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(600))
        #expect(moved.calendars[0].updates.map(\.new.uid) == [LeadEventBuilder.uid(leadID: id, kind: .job)])
        #expect(event(google, other, job)?["start"]?["dateTime"] == "2026-11-25T08:00:00-06:00")
        #expect(event(google, calendar, job)?["status"] == "cancelled")
        let again = try google.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(1200))
        #expect(!again.hasChanges && again.calendars[0].crewChanges.isEmpty)
    }
}
