import Foundation
import RingbackCore
import RingbackGoogle
import RingbackJSON
import Testing

@testable import RingbackSync

/// Crew calendars on Google, through the real REST client and the emulator's freeBusy and events.list.
@Suite struct GoogleCrewCalendarTests {
    static let hvac = "hvac-crew@ringback.example"
    static let plumbing = "plumbing-crew@ringback.example"
    static let roofing = "roofing-crew@ringback.example"

    static let booking = """

        booking:
          buffer_minutes: 30
          minimum_notice_hours: 2
          hours: {monday: "08:00-17:00", tuesday: "08:00-17:00", wednesday: "08:00-17:00", thursday: "08:00-17:00", friday: "08:00-17:00"}
          crews:
            - name: HVAC crew
              trades: [HVAC]
              google_calendar: \(hvac)
            - name: Plumbing crew
              trades: [Plumbing]
              google_calendar: \(plumbing)
            - name: Roofing crew
              trades: [Roofing]
              google_calendar: \(roofing)

        """

    func workspace() throws -> GoogleWorkspace {
        let google = try GoogleWorkspace()
        google.emulator.createCalendar(id: Self.hvac, sharedWith: [GoogleWorkspace.account])
        google.emulator.createCalendar(id: Self.plumbing, sharedWith: [GoogleWorkspace.account])
        google.emulator.createCalendar(id: Self.roofing, sharedWith: ["roofer@ringback.example"])
        // The sample's crews read ICS files; here they are Google calendars.
        try google.setConfig { text in
            guard let start = text.range(of: "\nbooking:\n"), let end = text.range(of: "\n# The Suggested Message") else { return text }
            return text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: Self.booking)
        }
        let config = try ConfigLoader.load(path: google.configPath)
        let services = try GoogleConnection.services(try #require(config.google), progress: nil)
        func insert(_ calendar: String, _ summary: String, _ start: String, _ end: String, description: String = "") -> CalendarCall {
            CalendarCall(
                method: "POST", path: CalendarRESTClient.eventsPath(calendarID: calendar),
                body: [
                    "summary": .string(summary), "description": .string(description), "start": ["dateTime": .string(start)],
                    "end": ["dateTime": .string(end)],
                ])
        }
        let results = try services.calendar.batch([
            insert(Self.hvac, "Heat pump install", "2026-11-23T08:00:00-06:00", "2026-11-23T12:00:00-06:00"),
            insert(
                Self.plumbing, "Toilet running", "2026-11-23T13:00:00-06:00", "2026-11-23T14:30:00-06:00",
                description: "Karen Mills, 512-555-0191, upstairs bath"),
        ])
        #expect(results.allSatisfy { $0.status == 200 })
        google.emulator.resetCounts()
        return google
    }

    @Test func windowsComeFromFreeBusyAndAJobOnTheCrewCalendarBooksItsLead() throws {
        let google = try workspace()
        let plan = try google.sync()
        let alice = try #require(google.sheet().first { $0["Caller Name"] == "Alice Nguyen" })
        #expect(alice["Offered Windows"] == "Mon Nov 23, 12:30-2:00 PM (HVAC crew); Tue Nov 24, 8:00-9:30 AM (HVAC crew)")
        #expect(alice["Suggested Message"]?.contains("I have Mon Nov 23, 12:30-2:00 PM or Tue Nov 24, 8:00-9:30 AM available") == true)
        let karen = try #require(google.sheet().first { $0["Caller Name"] == "Karen Mills" })
        #expect(karen["Status"] == "Booked")
        #expect(karen["Appointment"] == "2026-11-23 13:00")
        // One free/busy query for the three calendars; the events of the two readable ones listed, and
        // Ringback's own two calendars read back on this first run once per kind of event (callbacks, jobs).
        #expect(google.requestCounts()["calendar.freebusy.query"] == 1)
        #expect(google.requestCounts()["calendar.events.list"] == 2 + 2 * 2)
        #expect(plan.sheets[0].notes.contains { $0.contains("crew calendar `Roofing crew` could not be read") && $0.contains("notFound") })
        // A second run at the same moment writes nothing and asks again (windows are refreshed each run).
        google.emulator.resetCounts()
        let again = try google.sync()
        #expect(!again.hasChanges)
        #expect(google.requestCounts()["calendar.freebusy.query"] == 1)
    }
}
