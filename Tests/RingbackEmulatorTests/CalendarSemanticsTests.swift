import Foundation
import RingbackEmulator
import RingbackJSON
import Testing

/// Calendar behaviour Ringback depends on: custom ids, the 409/410 cycle, patch merging, filters, sync, time zones, batch.
@Suite struct CalendarSemanticsTests {
    let calendar = "crew@group.calendar.google.com"
    var events: String { "/calendar/v3/calendars/\(escaped(calendar))/events" }

    func harness() async throws -> EmulatorHarness {
        let harness = try EmulatorHarness()
        harness.emulator.createCalendar(id: calendar, timeZone: "America/Chicago")
        try await harness.signIn()
        return harness
    }

    func event(_ id: String?, key: String = "lead-1") -> JSONValue {
        var object: [String: JSONValue] = [
            "summary": "Call back Ann",
            "start": ["dateTime": "2026-11-20T14:30:00-06:00", "timeZone": "America/Chicago"],
            "end": ["dateTime": "2026-11-20T14:45:00-06:00", "timeZone": "America/Chicago"],
            "extendedProperties": ["private": ["ringbackKey": .string(key)]],
        ]
        if let id { object["id"] = .string(id) }
        return .object(object)
    }

    @Test func insertGetAndTheDuplicateDeleteCycle() async throws {
        let h = try await harness()
        let inserted = try await h.json("POST", events, event("rb0001abc"))
        #expect(inserted.status == 200)
        let resource = inserted.json
        #expect(resource?["kind"] == "calendar#event")
        #expect(resource?["status"] == "confirmed")
        #expect(resource?["iCalUID"] == "rb0001abc@google.com")
        #expect(resource?["sequence"] == 0)
        #expect(resource?["etag"]?.string?.hasPrefix("\"") == true)
        #expect(resource?["htmlLink"]?.string?.hasPrefix("https://www.google.com/calendar/event?eid=") == true)
        #expect(resource?["start"] == ["dateTime": "2026-11-20T14:30:00-06:00", "timeZone": "America/Chicago"])

        let duplicate = try await h.json("POST", events, event("rb0001abc"))
        #expect(duplicate.status == 409)
        #expect(
            duplicate.json == [
                "error": [
                    "errors": [["domain": "global", "reason": "duplicate", "message": "The requested identifier already exists."]],
                    "code": 409, "message": "The requested identifier already exists.",
                ]
            ])
        #expect(try await h.send("DELETE", events + "/rb0001abc").status == 204)
        let again = try await h.send("DELETE", events + "/rb0001abc")
        #expect(again.status == 410)
        #expect(again.json?["error"]?["errors"]?[0]?["reason"] == "deleted")
        #expect(try await h.json("POST", events, event("rb0001abc")).status == 409)
        let cancelled = try await h.json("GET", events + "/rb0001abc")
        #expect(cancelled.status == 200)
        #expect(cancelled.json?["status"] == "cancelled")
        #expect(try await h.json("GET", events + "/nosuchevent").status == 404)
    }

    @Test func idsMustBeBase32Hex() async throws {
        let h = try await harness()
        for bad in ["abc", "UPPER12345", "has-dash-1", "wxyz12345"] {
            let reply = try await h.json("POST", events, event(bad))
            #expect(reply.status == 400, "\(bad)")
            #expect(reply.json?["error"]?["errors"]?[0]?["reason"] == "invalid")
        }
        let generated = try await h.json("POST", events, event(nil))
        let id = generated.json?["id"]?.string ?? ""
        #expect(id.count >= 5 && id.allSatisfy { "0123456789abcdefghijklmnopqrstuv".contains($0) })
    }

    @Test func patchMergesAndRestoresACancelledEvent() async throws {
        let h = try await harness()
        _ = try await h.json("POST", events, event("rb0002abc"))
        h.emulator.deleteEvent(calendarID: calendar, eventID: "rb0002abc")
        let patch: JSONValue = [
            "status": "confirmed", "description": "+1 512 555 0100",
            "extendedProperties": [
                "private": [
                    "ringbackState": "open", "ringbackKey": nil,
                    .init(stringLiteral: String(repeating: "k", count: 45)): "dropped",
                ]
            ],
        ]
        let reply = try await h.json("PATCH", events + "/rb0002abc", patch)
        #expect(reply.status == 200)
        #expect(reply.json?["status"] == "confirmed")
        #expect(reply.json?["summary"] == "Call back Ann")
        #expect(reply.json?["extendedProperties"] == ["private": ["ringbackState": "open"]])
        let moved = try await h.json(
            "PATCH", events + "/rb0002abc",
            [
                "start": ["dateTime": "2026-11-20T21:00:00Z"],
                "end": ["dateTime": "2026-11-20T21:15:00Z"],
            ])
        #expect(moved.json?["start"]?["dateTime"] == "2026-11-20T15:00:00-06:00")
        #expect(moved.json?["sequence"] == 1)
        let long = String(repeating: "v", count: 2000)
        let truncated = try await h.json(
            "PUT", events + "/rb0002abc",
            [
                "start": ["dateTime": "2026-11-20T21:00:00Z"], "end": ["dateTime": "2026-11-20T21:15:00Z"],
                "extendedProperties": ["private": ["note": .string(long)]],
            ])
        #expect(truncated.json?["extendedProperties"]?["private"]?["note"]?.string?.count == 1024)
        #expect(truncated.json?["summary"] == nil)
    }

    @Test func timesNeedAZoneAndRenderInTheEventZone() async throws {
        let h = try await harness()
        let missing = try await h.json("POST", events, ["start": ["dateTime": "2026-11-20T14:30:00"], "end": ["dateTime": "2026-11-20T15:00:00"]])
        #expect(missing.status == 400)
        #expect(missing.json?["error"]?["message"] == "Missing time zone definition for start time.")
        let london = try await h.json(
            "POST", events,
            [
                "start": ["dateTime": "2026-07-01T10:45:00Z", "timeZone": "Europe/London"],
                "end": ["dateTime": "2026-07-01T12:00:00", "timeZone": "Europe/London"],
            ])
        // Written in the calendar's zone, the event's own zone echoed; the same instants in London on request.
        #expect(london.json?["start"] == ["dateTime": "2026-07-01T05:45:00-05:00", "timeZone": "Europe/London"])
        #expect(london.json?["end"]?["dateTime"] == "2026-07-01T06:00:00-05:00")
        let id = try #require(london.json?["id"]?.string)
        let inLondon = try await h.json("GET", events + "/\(id)?timeZone=Europe/London")
        #expect(inLondon.json?["start"]?["dateTime"] == "2026-07-01T11:45:00+01:00")
        let utc = try await h.json("GET", events + "?timeZone=UTC")
        #expect(utc.json?["items"]?[0]?["start"]?["dateTime"] == "2026-07-01T10:45:00Z")
        let calendarZone = try await h.json(
            "POST", events, ["start": ["dateTime": "2026-01-15T18:00:00Z"], "end": ["dateTime": "2026-01-15T18:30:00Z"]])
        #expect(calendarZone.json?["start"]?["dateTime"] == "2026-01-15T12:00:00-06:00")
        let backwards = try await h.json(
            "POST", events, ["start": ["dateTime": "2026-01-15T18:00:00Z"], "end": ["dateTime": "2026-01-15T17:00:00Z"]])
        #expect(backwards.status == 400)
    }

    @Test func listFiltersPagesAndSyncs() async throws {
        let h = try await harness()
        for index in 0..<5 { _ = try await h.json("POST", events, event("rb10000\(index)", key: "lead-\(index % 2)")) }
        _ = try await h.send("DELETE", events + "/rb100000")
        let filtered = try await h.json("GET", events + "?privateExtendedProperty=\(escaped("ringbackKey=lead-0"))")
        #expect(filtered.json?["items"]?.array?.compactMap { $0["id"]?.string } == ["rb100002", "rb100004"])
        let withDeleted = try await h.json("GET", events + "?privateExtendedProperty=\(escaped("ringbackKey=lead-0"))&showDeleted=true")
        #expect(withDeleted.json?["items"]?.array?.count == 3)

        let first = try await h.json("GET", events + "?maxResults=2")
        #expect(first.json?["items"]?.array?.count == 2)
        #expect(first.json?["nextSyncToken"] == nil)
        let pageToken = try #require(first.json?["nextPageToken"]?.string)
        let second = try await h.json("GET", events + "?maxResults=2&pageToken=\(escaped(pageToken))")
        #expect(second.json?["items"]?.array?.count == 2)
        #expect(second.json?["nextPageToken"] == nil)
        let syncToken = try #require(second.json?["nextSyncToken"]?.string)

        _ = try await h.json("PATCH", events + "/rb100001", ["summary": "Moved"])
        h.emulator.deleteEvent(calendarID: calendar, eventID: "rb100003")
        let changes = try await h.json("GET", events + "?syncToken=\(escaped(syncToken))")
        #expect(changes.json?["items"]?.array?.compactMap { $0["id"]?.string }.sorted() == ["rb100001", "rb100003"])
        let unknown = try await h.json("GET", events + "?syncToken=bm9wZQ==")
        #expect(unknown.status == 410)
        #expect(unknown.json?["error"]?["errors"]?[0]?["reason"] == "fullSyncRequired")

        let window = try await h.json("GET", events + "?timeMin=\(escaped("2026-11-20T20:40:00Z"))&timeMax=\(escaped("2026-11-21T00:00:00Z"))")
        #expect(window.json?["items"]?.array?.count == 3)
        #expect(try await h.json("GET", events + "?orderBy=startTime").status == 400)
        #expect(try await h.json("GET", events + "?orderBy=startTime&singleEvents=true").json?["items"]?.array?.count == 3)
        let outside = try await h.json("GET", events + "?timeMin=\(escaped("2026-11-20T20:45:00Z"))")
        #expect(outside.json?["items"]?.array?.isEmpty == true)
    }

    /// Incremental listings as the discovery document describes them: a token not combinable with filters,
    /// deleted events always listed with their id only, the token on the last page only, moves between calendars.
    @Test func incrementalListingsFollowTheDiscoveryDocument() async throws {
        let h = try await harness()
        let other = "oncall@group.calendar.google.com"
        h.emulator.createCalendar(id: other, timeZone: "America/Chicago")
        for index in 0..<4 { _ = try await h.json("POST", events, event("rb20000\(index)")) }
        let whole = try await h.json("GET", events + "?privateExtendedProperty=\(escaped("ringbackKey=lead-1"))")
        #expect(whole.json?["items"]?.array?.allSatisfy { $0["updated"]?.string?.hasSuffix("Z") == true } == true)
        let token = try #require(whole.json?["nextSyncToken"]?.string)

        for filter in [
            "timeMin=2026-11-20T00:00:00Z", "privateExtendedProperty=ringbackKey%3Dlead-1", "orderBy=updated", "q=Ann",
            "updatedMin=2026-11-20T00:00:00Z",
        ] {
            let refused = try await h.json("GET", events + "?syncToken=\(escaped(token))&\(filter)")
            #expect(refused.status == 400, "\(filter)")
            #expect(refused.json?["error"]?["errors"]?[0]?["location"]?.string == String(filter.prefix { $0 != "=" }))
        }
        #expect(try await h.json("GET", events + "?syncToken=\(escaped(token))&showDeleted=false").status == 400)
        let unchanged = try await h.json("GET", events + "?syncToken=\(escaped(token))")
        #expect(unchanged.json?["items"]?.array?.isEmpty == true)
        #expect(unchanged.json?["nextSyncToken"]?.string != nil)

        // The crew moves one event in time, deletes one and moves one to another calendar.
        try h.emulator.editEvent(
            calendarID: calendar, eventID: "rb200000",
            ["start": ["dateTime": "2026-11-21T09:00:00-06:00"], "end": ["dateTime": "2026-11-21T10:00:00-06:00"]])
        #expect(try await h.send("DELETE", "/emulator/calendars/\(escaped(calendar))/events/rb200001").status == 204)
        #expect(try await h.json("POST", events + "/rb200002/move").status == 400, "destination is required")
        let moved = try await h.json("POST", events + "/rb200002/move?destination=\(escaped(other))")
        #expect(moved.status == 200 && moved.json?["id"] == "rb200002")
        #expect(h.emulator.requestCounts()["calendar.events.move"] == 2)

        let first = try await h.json("GET", events + "?syncToken=\(escaped(token))&maxResults=2")
        #expect(first.json?["items"]?.array?.count == 2)
        #expect(first.json?["nextSyncToken"] == nil)
        let page = try #require(first.json?["nextPageToken"]?.string)
        let last = try await h.json("GET", events + "?syncToken=\(escaped(token))&maxResults=2&pageToken=\(escaped(page))")
        #expect(last.json?["nextPageToken"] == nil && last.json?["nextSyncToken"]?.string != nil)
        let items = (first.json?["items"]?.array ?? []) + (last.json?["items"]?.array ?? [])
        let byID = Dictionary(items.map { ($0["id"]?.string ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byID.keys.sorted() == ["rb200000", "rb200001", "rb200002"])
        #expect(byID["rb200000"]?["start"]?["dateTime"] == "2026-11-21T09:00:00-06:00")
        for gone in ["rb200001", "rb200002"] {
            let tombstone = try #require(byID[gone]?.object)
            #expect(tombstone["status"] == "cancelled")
            #expect(Set(tombstone.keys) == ["kind", "etag", "id", "status"], "only the id is guaranteed")
        }
        let there = try await h.json("GET", "/calendar/v3/calendars/\(escaped(other))/events")
        #expect(there.json?["items"]?.array?.map { $0["id"] } == ["rb200002"])
        #expect(there.json?["items"]?[0]?["extendedProperties"]?["private"]?["ringbackKey"] == "lead-1")
        #expect(try await h.json("GET", events + "/rb200001").json?["summary"] == "Call back Ann", "get still gives the whole event")

        h.emulator.expireSyncTokens()
        let stale = try await h.json("GET", events + "?syncToken=\(escaped(token))")
        #expect(stale.status == 410 && stale.json?["error"]?["errors"]?[0]?["reason"] == "fullSyncRequired")
    }

    @Test func calendarAccessAndAuthUseTheLegacyShape() async throws {
        let h = try EmulatorHarness()
        h.emulator.createCalendar(id: "private-cal", sharedWith: ["owner@example.com"])
        let anonymous = try await h.json("GET", "/calendar/v3/calendars/private-cal/events")
        #expect(anonymous.status == 401)
        #expect(anonymous.json?["error"]?["errors"]?[0]?["reason"] == "required")
        h.token = "ya29.not-issued-here"
        let forged = try await h.json("GET", "/calendar/v3/calendars/private-cal/events")
        #expect(forged.status == 401)
        #expect(forged.json?["error"]?["errors"]?[0]?["reason"] == "authError")
        try await h.signIn()
        let hidden = try await h.json("GET", "/calendar/v3/calendars/private-cal/events")
        #expect(hidden.status == 404)
        #expect(hidden.json?["error"]?["errors"]?[0]?["reason"] == "notFound")
    }

    @Test func batchRoundTripsPartsInOrder() async throws {
        let h = try await harness()
        _ = try await h.json("POST", events, event("rb2000001"))
        let boundary = "ringback_batch_7"
        func part(_ id: String, _ request: String) -> String {
            "--\(boundary)\r\nContent-Type: application/http\r\nContent-ID: <\(id)>\r\n\r\n\(request)\r\n"
        }
        let insert = "POST \(events) HTTP/1.1\r\nContent-Type: application/json\r\n\r\n\(event("rb2000002").text)"
        let duplicate = "POST \(events) HTTP/1.1\r\nContent-Type: application/json\r\n\r\n\(event("rb2000001").text)"
        let patch = "PATCH \(events)/rb2000001 HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"summary\":\"Patched\"}"
        let get = "GET \(events)/rb2000002 HTTP/1.1\r\n\r\n"
        let body = part("a", insert) + part("b", duplicate) + part("c", patch) + part("d", get) + "--\(boundary)--\r\n"
        h.emulator.resetCounts()
        let reply = try await h.send(
            "POST", "/batch/calendar/v3", body: Data(body.utf8),
            headers: ["Content-Type": "multipart/mixed; boundary=\(boundary)"])
        #expect(reply.status == 200)
        let contentType = try #require(reply.header("Content-Type"))
        #expect(contentType.hasPrefix("multipart/mixed; boundary=batch_"))
        let outer = String(contentType.dropFirst("multipart/mixed; boundary=".count))
        let parts = reply.text.components(separatedBy: "--\(outer)").dropFirst().filter { !$0.hasPrefix("--") }
        #expect(parts.count == 4, "\(reply.text)")
        #expect(parts.map { $0.contains("Content-ID: <response-") } == [true, true, true, true])
        #expect(parts[0].contains("Content-ID: <response-a>") && parts[0].contains("HTTP/1.1 200 OK"))
        #expect(parts[1].contains("HTTP/1.1 409 Conflict") && parts[1].contains("\"reason\":\"duplicate\""))
        #expect(parts[2].contains("\"summary\":\"Patched\""))
        #expect(parts[3].contains("\"id\":\"rb2000002\""))
        #expect(
            h.emulator.requestCounts() == ["calendar.batch": 1, "calendar.events.insert": 2, "calendar.events.patch": 1, "calendar.events.get": 1])
        #expect(h.emulator.events(calendarID: calendar).count == 2)
    }
}
