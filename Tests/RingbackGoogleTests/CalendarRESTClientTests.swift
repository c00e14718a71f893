import Foundation
import RingbackHTTP
import RingbackJSON
import Synchronization
import Testing

@testable import RingbackGoogle

/// Calendar batches: the multipart request, parsing the multipart answer, per-part errors and retries.
@Suite struct CalendarRESTClientTests {
    typealias Fake = FakeGoogleTransport
    static let calendarID = "team.leads@group.calendar.google.com"

    /// A batch answer as Google writes it: CRLF lines, `response-item-N` ids, inner HTTP responses.
    static func multipart(_ parts: [(id: String?, status: Int, body: String)], boundary: String = "batch_Xa9_yZ") -> Fake.Answer {
        var text = ""
        for part in parts {
            text += "--\(boundary)\r\nContent-Type: application/http\r\n"
            if let id = part.id { text += "Content-ID: <\(id)>\r\n" }
            text += "\r\nHTTP/1.1 \(part.status) \(part.status < 300 ? "OK" : "Error")\r\n"
            text += "Content-Type: application/json; charset=UTF-8\r\nVary: Origin\r\n\r\n\(part.body)\r\n"
        }
        text += "--\(boundary)--\r\n"
        return Fake.raw(200, text, headers: ["Content-Type": "multipart/mixed; boundary=\(boundary)"])
    }

    /// Waits between part retries go to `fake.waits`, like the HTTP client's own.
    static func client(_ fake: Fake, batchSize: Int = 50) -> CalendarRESTClient {
        CalendarRESTClient(
            session: fake.session(), root: URL(string: "https://www.googleapis.com/")!, batchSize: batchSize,
            pause: { seconds in fake.waits.withLock { $0.append(seconds) } })
    }

    static func insert(_ id: String) -> CalendarCall {
        CalendarCall(method: "POST", path: CalendarRESTClient.eventsPath(calendarID: calendarID), body: ["id": .string(id), "summary": "Call back"])
    }

    @Test func eventPathsEncodeCalendarAndEventIDs() {
        #expect(
            CalendarRESTClient.eventsPath(calendarID: "team.leads@group.calendar.google.com")
                == "/calendar/v3/calendars/team.leads%40group.calendar.google.com/events")
        #expect(
            CalendarRESTClient.eventsPath(calendarID: "en.usa#holiday@group.v.calendar.google.com", eventID: "rb0123abc")
                == "/calendar/v3/calendars/en.usa%23holiday%40group.v.calendar.google.com/events/rb0123abc")
    }

    @Test func theBatchRequestIsMultipartWithOneHTTPRequestPerCall() throws {
        let calls = [
            Self.insert("rb001"), CalendarCall(method: "DELETE", path: CalendarRESTClient.eventsPath(calendarID: Self.calendarID, eventID: "rb002")),
        ]
        let batch = CalendarBatchRequest(items: [(1, calls[0]), (2, calls[1])], boundary: "ringback_b")
        let expected =
            "--ringback_b\r\nContent-Type: application/http\r\nContent-ID: <item-1>\r\n\r\n"
            + "POST /calendar/v3/calendars/team.leads%40group.calendar.google.com/events HTTP/1.1\r\n"
            + "Content-Type: application/json; charset=UTF-8\r\nContent-Length: 36\r\n\r\n"
            + #"{"id":"rb001","summary":"Call back"}"# + "\r\n"
            + "--ringback_b\r\nContent-Type: application/http\r\nContent-ID: <item-2>\r\n\r\n"
            + "DELETE /calendar/v3/calendars/team.leads%40group.calendar.google.com/events/rb002 HTTP/1.1\r\n\r\n"
            + "--ringback_b--\r\n"
        #expect(String(decoding: batch.body, as: UTF8.self) == expected)
        #expect(batch.contentType == "multipart/mixed; boundary=ringback_b")
        #expect(CalendarBatchRequest.randomBoundary() != CalendarBatchRequest.randomBoundary())
    }

    @Test func successAndA409DuplicateComeBackInOrder() throws {
        let fake = Fake([
            Self.multipart([
                (id: "response-item-2", status: 409, body: GoogleErrorBodies.calendarDuplicate),
                (id: "response-item-1", status: 200, body: #"{"kind":"calendar#event","id":"rb001","status":"confirmed"}"#),
                (id: "response-item-3", status: 204, body: ""),
            ])
        ])
        let calls = [
            Self.insert("rb001"), Self.insert("rb002"),
            CalendarCall(method: "DELETE", path: CalendarRESTClient.eventsPath(calendarID: Self.calendarID, eventID: "rb003")),
        ]
        let results = try Self.client(fake).batch(calls)
        #expect(results.count == 3)
        #expect(results[0] == CalendarCallResult(status: 200, body: ["kind": "calendar#event", "id": "rb001", "status": "confirmed"]))
        #expect(results[1].status == 409 && results[1].error?.reason == "duplicate" && results[1].error?.kind == .http)
        #expect(results[1].error?.message == "The requested identifier already exists.")
        #expect(results[1].error?.operation == "calendar POST /calendar/v3/calendars/team.leads%40group.calendar.google.com/events")
        #expect(results[2] == CalendarCallResult(status: 204))

        let sent = try #require(fake.apiRequests.first)
        #expect(sent.method == "POST" && sent.url.absoluteString == "https://www.googleapis.com/batch/calendar/v3")
        #expect(sent.headers["Content-Type"]?.hasPrefix("multipart/mixed; boundary=ringback_") == true)
        #expect(sent.headers["Authorization"] == "Bearer ya29.access-1")
        #expect(sent.bodyText.contains("Content-ID: <item-3>") && sent.bodyText.contains("DELETE /calendar/v3/calendars/"))
    }

    @Test func aPartThatFailedWith503IsSentAgainAlone() throws {
        let fake = Fake([
            Self.multipart([
                (id: "response-item-1", status: 200, body: #"{"id":"rb001"}"#),
                (id: "response-item-2", status: 503, body: GoogleErrorBodies.calendarBackendError),
                (id: "response-item-3", status: 410, body: GoogleErrorBodies.calendarDeleted),
            ]),
            Self.multipart([(id: "response-item-2", status: 403, body: GoogleErrorBodies.calendarRateLimit)]),
            Self.multipart([(id: "response-item-2", status: 200, body: #"{"id":"rb002"}"#)]),
        ])
        let results = try Self.client(fake).batch([Self.insert("rb001"), Self.insert("rb002"), Self.insert("rb003")])
        #expect(results.map { $0.status } == [200, 200, 410])
        #expect(results[1].body == ["id": "rb002"])
        #expect(results[2].error?.reason == "deleted" && results[2].error?.hint == nil)
        let sent = fake.apiRequests
        #expect(sent.count == 3)
        #expect(sent[1].bodyText.contains("<item-2>") && !sent[1].bodyText.contains("<item-1>") && !sent[1].bodyText.contains("<item-3>"))
        #expect(sent[2].bodyText.components(separatedBy: "Content-ID:").count == 2)
        #expect(fake.waits.withLock { $0.count } == 2)
    }

    @Test func aPartThatKeepsFailingEndsAsAnErrorAfterItsAttempts() throws {
        let failing = Self.multipart([(id: "response-item-1", status: 503, body: GoogleErrorBodies.calendarBackendError)])
        let fake = Fake(Array(repeating: failing, count: 5))
        let results = try Self.client(fake).batch([Self.insert("rb001")])
        #expect(fake.apiRequests.count == 5)
        #expect(results[0].status == 503 && results[0].error?.reason == "backendError" && results[0].error?.attempts == 5)
    }

    @Test func partsWithoutContentIDsAreMatchedByOrder() throws {
        let fake = Fake([
            Self.multipart([(id: nil, status: 200, body: #"{"id":"a"}"#), (id: nil, status: 404, body: GoogleErrorBodies.calendarNotFound)])
        ])
        let results = try Self.client(fake).batch([Self.insert("a"), Self.insert("b")])
        #expect(results[0].body == ["id": "a"])
        #expect(results[1].status == 404 && results[1].error?.reason == "notFound")
    }

    @Test func callsAreSentInBatchesOfAtMostTheBatchSize() throws {
        let fake = Fake([
            Self.multipart((1...2).map { (id: "response-item-\($0)", status: 200, body: "{\"n\":\($0)}") }),
            Self.multipart((3...4).map { (id: "response-item-\($0)", status: 200, body: "{\"n\":\($0)}") }),
            Self.multipart([(id: "response-item-5", status: 200, body: #"{"n":5}"#)]),
        ])
        let results = try Self.client(fake, batchSize: 2).batch((1...5).map { Self.insert("rb00\($0)") })
        #expect(results.map { $0.body } == (1...5).map { JSONValue?.some(["n": .number(Double($0))]) })
        #expect(fake.apiRequests.count == 3)
        #expect(try Self.client(Fake()).batch([]) == [])
    }

    @Test func aFailedBatchRequestThrows() {
        let fake = Fake([Fake.raw(403, GoogleErrorBodies.calendarForbidden)])
        #expect(throws: GoogleAPIError.self) { try Self.client(fake).batch([Self.insert("rb001")]) }
        do throws(GoogleAPIError) {
            _ = try Self.client(Fake([Fake.raw(200, "not multipart", headers: ["Content-Type": "text/plain"])])).batch([Self.insert("x")])
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .badResponse)
        }
    }

    @Test func getReturnsTheEventOrNilOn404() throws {
        let fake = Fake([
            Fake.json(200, ["id": "rb001", "status": "cancelled"]), Fake.raw(404, GoogleErrorBodies.calendarNotFound),
            Fake.raw(403, GoogleErrorBodies.calendarForbidden),
        ])
        let client = Self.client(fake)
        #expect(try client.get(calendarID: Self.calendarID, eventID: "rb001") == ["id": "rb001", "status": "cancelled"])
        #expect(try client.get(calendarID: Self.calendarID, eventID: "rb404") == nil)
        #expect(throws: GoogleAPIError.self) { try client.get(calendarID: Self.calendarID, eventID: "rb403") }
        #expect(
            fake.apiRequests.first?.url.absoluteString
                == "https://www.googleapis.com/calendar/v3/calendars/team.leads%40group.calendar.google.com/events/rb001")
    }

    @Test func aGoogleStyleAnswerWithLFLinesAndQuotedBoundaryParses() throws {
        let text =
            "--batch_q\nContent-Type: application/http\nContent-ID: <response-item-7>\n\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\":\"x\"}\n--batch_q--\n"
        let answer = try CalendarBatchResponse(contentType: "multipart/mixed; boundary=\"batch_q\"", body: Array(text.utf8))
        #expect(answer.parts.count == 1)
        #expect(answer.parts[0].number == 7 && answer.parts[0].status == 200 && answer.parts[0].json == ["id": "x"])
        #expect(answer.parts[0].headers["content-type"] == "application/json")
    }
}
