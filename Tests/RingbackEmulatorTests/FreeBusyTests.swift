import Foundation
import RingbackEmulator
import RingbackJSON
import Testing

/// `calendar.freebusy.query` against the discovery document's shape and limits.
@Suite struct FreeBusyTests {
    static let crew = "plumbers@group.calendar.google.com"

    func harness() async throws -> EmulatorHarness {
        let h = try EmulatorHarness()
        try await h.signIn()
        h.emulator.createCalendar(id: Self.crew, timeZone: "America/Chicago")
        h.emulator.createCalendar(id: "private@group.calendar.google.com", sharedWith: ["owner@example.com"])
        let events = "/calendar/v3/calendars/\(escaped(Self.crew))/events"
        for (summary, start, end, transparency) in [
            ("Sink leak", "2026-11-23T08:00:00-06:00", "2026-11-23T10:00:00-06:00", "opaque"),
            ("Parts run", "2026-11-23T09:30:00-06:00", "2026-11-23T11:00:00-06:00", "opaque"),
            ("Lunch", "2026-11-23T12:00:00-06:00", "2026-11-23T13:00:00-06:00", "transparent"),
            ("Water heater", "2026-11-24T07:00:00-06:00", "2026-11-24T09:00:00-06:00", "opaque"),
        ] {
            let reply = try await h.json(
                "POST", events,
                [
                    "summary": .string(summary), "start": ["dateTime": .string(start)], "end": ["dateTime": .string(end)],
                    "transparency": .string(transparency),
                ])
            #expect(reply.status == 200)
        }
        return h
    }

    func query(_ h: EmulatorHarness, _ body: JSONValue) async throws -> Reply {
        try await h.json("POST", "/calendar/v3/freeBusy", body)
    }

    @Test func busySpansAreMergedClippedAndRenderedInTheAskedZone() async throws {
        let h = try await harness()
        let reply = try await query(
            h,
            [
                "timeMin": "2026-11-23T15:00:00Z", "timeMax": "2026-11-24T14:00:00Z", "timeZone": "America/Chicago",
                "items": [["id": .string(Self.crew)]],
            ])
        #expect(reply.status == 200)
        let json = try #require(reply.json)
        #expect(json["kind"] == "calendar#freeBusy")
        #expect(json["timeMin"] == "2026-11-23T15:00:00.000Z")
        #expect(json["timeMax"] == "2026-11-24T14:00:00.000Z")
        // 08:00-10:00 and 09:30-11:00 merge; the range starts at 09:00 Central; lunch is transparent;
        // the water heater job is cut at the range's end (08:00 Central).
        #expect(
            json["calendars"]?[Self.crew]?["busy"]
                == [
                    ["start": "2026-11-23T09:00:00-06:00", "end": "2026-11-23T11:00:00-06:00"],
                    ["start": "2026-11-24T07:00:00-06:00", "end": "2026-11-24T08:00:00-06:00"],
                ])
        #expect(json["calendars"]?[Self.crew]?["errors"] == nil)
        #expect(h.emulator.requestCounts()["calendar.freebusy.query"] == 1)
    }

    @Test func theDefaultZoneIsUTCAndUnknownCalendarsAnswerErrors() async throws {
        let h = try await harness()
        let reply = try await query(
            h,
            [
                "timeMin": "2026-11-23T00:00:00Z", "timeMax": "2026-11-25T00:00:00Z",
                "items": [["id": .string(Self.crew)], ["id": "nobody@group.calendar.google.com"], ["id": "private@group.calendar.google.com"]],
            ])
        let calendars = try #require(reply.json?["calendars"])
        #expect(calendars[Self.crew]?["busy"]?[0] == ["start": "2026-11-23T14:00:00Z", "end": "2026-11-23T17:00:00Z"])
        let notFound: JSONValue = ["errors": [["domain": "global", "reason": "notFound"]], "busy": []]
        #expect(calendars["nobody@group.calendar.google.com"] == notFound)
        #expect(calendars["private@group.calendar.google.com"] == notFound)
    }

    @Test func theRequestIsCheckedAsGoogleChecksIt() async throws {
        let h = try await harness()
        func reason(_ body: JSONValue) async throws -> (Int, String?, String?) {
            let reply = try await query(h, body)
            return (reply.status, reply.json?["error"]?["errors"]?[0]?["reason"]?.string, reply.json?["error"]?["message"]?.string)
        }
        let items: JSONValue = [["id": .string(Self.crew)]]
        #expect(try await reason(["timeMax": "2026-11-25T00:00:00Z", "items": items]) == (400, "required", "Missing timeMin parameter."))
        #expect(try await reason(["timeMin": "2026-11-25T00:00:00Z", "items": items]) == (400, "required", "Missing timeMax parameter."))
        #expect(
            try await reason(["timeMin": "2026-11-25T00:00:00Z", "timeMax": "2026-11-25T00:00:00Z", "items": items])
                == (400, "timeRangeEmpty", "The specified time range is empty."))
        #expect(
            try await reason(["timeMin": "2026-11-01T00:00:00Z", "timeMax": "2027-02-15T00:00:00Z", "items": items])
                == (400, "timeRangeTooLong", "The requested time range is too long."))
        #expect(try await reason(["timeMin": "2026-11-25", "timeMax": "2026-11-26T00:00:00Z", "items": items]).1 == "invalid")
        #expect(
            try await reason(["timeMin": "2026-11-25T00:00:00Z", "timeMax": "2026-11-26T00:00:00Z", "timeZone": "Mars/Olympus", "items": items]).1
                == "invalid")
        #expect(
            try await reason(["timeMin": "2026-11-25T00:00:00Z", "timeMax": "2026-11-26T00:00:00Z", "calendarExpansionMax": 51, "items": items]).1
                == "invalid")
        let unauthorized = try await h.send("POST", "/calendar/v3/freeBusy", body: Data("{}".utf8), authorized: false)
        #expect(unauthorized.status == 401)
    }

    @Test func calendarsPastTheExpansionLimitAnswerTooManyCalendarsRequested() async throws {
        let h = try await harness()
        let ids = [Self.crew] + (1...51).map { "crew\($0)@group.calendar.google.com" }
        let reply = try await query(
            h, ["timeMin": "2026-11-23T00:00:00Z", "timeMax": "2026-11-25T00:00:00Z", "items": .array(ids.map { ["id": .string($0)] })])
        let calendars = try #require(reply.json?["calendars"]?.object)
        #expect(calendars.count == 52)
        #expect(calendars[Self.crew]?["busy"]?.array?.count == 2)
        #expect(calendars["crew50@group.calendar.google.com"]?["errors"]?[0]?["reason"] == "tooManyCalendarsRequested")
        #expect(calendars["crew51@group.calendar.google.com"]?["errors"]?[0]?["reason"] == "tooManyCalendarsRequested")
        #expect(calendars["crew49@group.calendar.google.com"]?["errors"]?[0]?["reason"] == "notFound")
        let limited = try await query(
            h,
            [
                "timeMin": "2026-11-23T00:00:00Z", "timeMax": "2026-11-25T00:00:00Z", "calendarExpansionMax": 1,
                "items": [["id": .string(Self.crew)], ["id": "crew1@group.calendar.google.com"]],
            ])
        #expect(limited.json?["calendars"]?["crew1@group.calendar.google.com"]?["errors"]?[0]?["reason"] == "tooManyCalendarsRequested")
    }

    @Test func theDiscoveryDocumentDescribesWhatTheEmulatorAnswers() throws {
        let path = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/google/discovery/calendar.v3.json").path
        let data = try #require(FileManager.default.contents(atPath: path), "calendar.v3.json not found at \(path)")
        let discovery = try JSONValue.parse(data)
        let method = discovery["resources"]?["freebusy"]?["methods"]?["query"]
        #expect(method?["path"] == "freeBusy")
        #expect(method?["httpMethod"] == "POST")
        let request = try #require(discovery["schemas"]?["FreeBusyRequest"]?["properties"]?.object)
        #expect(Set(request.keys) == ["calendarExpansionMax", "groupExpansionMax", "items", "timeMax", "timeMin", "timeZone"])
        #expect(request["calendarExpansionMax"]?["description"]?.string?.contains("Maximum value is 50") == true)
        let calendar = try #require(discovery["schemas"]?["FreeBusyCalendar"]?["properties"]?.object)
        #expect(Set(calendar.keys) == ["busy", "errors"])
        let response = try #require(discovery["schemas"]?["FreeBusyResponse"]?["properties"]?.object)
        #expect(Set(response.keys).isSuperset(of: ["calendars", "kind", "timeMin", "timeMax"]))
    }
}
