import Foundation
import RingbackCore
import RingbackJSON
import Testing

@testable import RingbackGoogle

/// The crew calendars' client: the free/busy request as Google's discovery document has it, one query
/// per 50 calendars, errors per calendar, and events paged for the jobs.
@Suite struct GoogleCrewCalendarsTests {
    typealias Fake = FakeGoogleTransport
    let from = Date(timeIntervalSince1970: 1_795_215_600)  // 2026-11-20T23:00:00Z
    var to: Date { from.addingTimeInterval(7 * 86400) }

    func reader(_ fake: Fake, crews: Int) -> GoogleCrewCalendars {
        GoogleCrewCalendars(
            session: fake.session(), root: URL(string: "https://www.googleapis.com/")!,
            calendars: (1...crews).map { (crew: "Crew \($0)", id: "crew\($0)@group.calendar.google.com") })
    }

    @Test func fiftyOneCalendarsTakeTwoQueriesAndTheBodyFollowsTheDiscoveryDocument() throws {
        let fake = Fake()
        let reading = reader(fake, crews: 51).read(from: from, to: to)
        let queries = fake.apiRequests.filter { $0.url.path == "/calendar/v3/freeBusy" }
        #expect(queries.count == 2)
        #expect(queries.allSatisfy { $0.method == "POST" })
        let first = try #require(queries.first?.bodyJSON)
        #expect(first["timeMin"] == "2026-11-20T23:00:00Z")
        #expect(first["timeMax"] == "2026-11-27T23:00:00Z")
        #expect(first["timeZone"] == "UTC")
        #expect(first["calendarExpansionMax"] == 50)
        #expect(first["items"]?.array?.count == 50)
        #expect(queries[1].bodyJSON?["items"] == [["id": "crew51@group.calendar.google.com"]])
        // The fake answers `{}`: no entry for any calendar, so each is named as not read.
        #expect(reading.unreadable.count == 51)
        #expect(reading.unreadable["Crew 1"]?.contains("no entry for calendar crew1@group.calendar.google.com") == true)
    }

    @Test func busySpansErrorsAndJobsAreReadPerCalendar() throws {
        let answer: JSONValue = [
            "kind": "calendar#freeBusy",
            "calendars": [
                "crew1@group.calendar.google.com": [
                    "busy": [
                        ["start": "2026-11-23T14:00:00Z", "end": "2026-11-23T17:00:00Z"],
                        ["start": "2026-11-24T08:00:00-06:00", "end": "2026-11-24T09:00:00-06:00"],
                    ]
                ],
                "crew2@group.calendar.google.com": ["errors": [["domain": "global", "reason": "notFound"]], "busy": []],
            ],
        ]
        let page1: JSONValue = [
            "items": [
                [
                    "status": "confirmed", "summary": "Toilet running", "description": "Karen Mills, 512-555-0191",
                    "start": ["dateTime": "2026-11-23T13:00:00-06:00"], "end": ["dateTime": "2026-11-23T14:30:00-06:00"],
                ],
                [
                    "status": "cancelled", "summary": "Called off", "start": ["dateTime": "2026-11-23T15:00:00-06:00"],
                    "end": ["dateTime": "2026-11-23T16:00:00-06:00"],
                ],
            ],
            "nextPageToken": "page 2",
        ]
        let page2: JSONValue = [
            "items": [["summary": "Holiday", "start": ["date": "2026-11-26"], "end": ["date": "2026-11-27"]]]
        ]
        let fake = Fake([Fake.json(200, answer), Fake.json(200, page1), Fake.json(200, page2)])
        let reading = reader(fake, crews: 2).read(from: from, to: to)
        #expect(reading.busy["Crew 1"]?.map(\.start.timeIntervalSince1970) == [1_795_442_400, 1_795_528_800])
        #expect(reading.busy["Crew 2"] == nil)
        #expect(reading.unreadable["Crew 2"]?.contains("`notFound`") == true)
        #expect(reading.jobs.map(\.title) == ["Toilet running"])
        #expect(reading.jobs.first?.details == "Karen Mills, 512-555-0191")
        let lists = fake.apiRequests.filter { $0.url.path.hasSuffix("/events") }
        #expect(lists.count == 2)
        #expect(lists.allSatisfy { $0.url.absoluteString.contains("/calendar/v3/calendars/crew1%40group.calendar.google.com/events?") })
        #expect(lists[0].url.query?.contains("singleEvents=true") == true)
        #expect(lists[1].url.query?.contains("pageToken=page%202") == true)
    }

    @Test func aFailedQueryMakesItsCalendarsUnreadableNotTheRun() {
        let fake = Fake([
            Fake.json(400, ["error": ["code": 400, "message": "The requested time range is too long.", "errors": [["reason": "timeRangeTooLong"]]]])
        ])
        let reading = reader(fake, crews: 1).read(from: from, to: from.addingTimeInterval(200 * 86400))
        #expect(reading.unreadable["Crew 1"] != nil)
        // The range asked is cut to Google's 90 days.
        #expect(fake.apiRequests.first?.bodyJSON?["timeMax"] == "2027-02-18T23:00:00Z")
    }
}
