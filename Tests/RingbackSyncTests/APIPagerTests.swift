import Foundation
import RingbackHTTP
import RingbackMapping
import RingbackNormalisation
import Synchronization
import Testing

@testable import RingbackSources
@testable import RingbackSync

/// Page walking without a network: where the pager refuses to go, and how it asks for the start time.
@Suite struct APIPagerTests {
    /// Serves canned JSON bodies in order and records the URLs asked for.
    final class CannedPages: HTTPTransport {
        let bodies: Mutex<[String]>
        let asked = Mutex<[String]>([])

        init(_ bodies: [String]) {
            self.bodies = Mutex(bodies)
        }

        func send(_ request: HTTPRequest) -> Result<HTTPResponse, HTTPTransportError> {
            asked.withLock { $0.append(request.url.absoluteString) }
            let body = bodies.withLock { $0.isEmpty ? "{\"records\": []}" : $0.removeFirst() }
            return .success(HTTPResponse(status: 200, body: Array(body.utf8)))
        }
    }

    static func source(
        paging: String, since: String = "{ parameter: dateFrom, format: iso8601 }", maxPages: Int = 1000
    ) throws -> RingbackConfig.APISource {
        let mapping = try MappingSpecLoader.load(
            yaml: """
                name: paged
                format: json
                json: { records: records }
                fields: { id: id, start: start, from: from }
                time_format: iso8601
                direction: { infer: true }
                outcome:
                  answered_when: [{ id: [never] }]
                api:
                  base_url: https://api.example.invalid
                  path: /v1/${ACCOUNT}/calls
                  auth: { type: bearer, token_env: TOKEN }
                  since: \(since)
                  next_page: \(paging)
                  max_pages: \(maxPages)
                """, file: "paged.yaml")
        return RingbackConfig.APISource(
            name: "paged-live", mapping: mapping, api: mapping.api!, baseURL: "https://api.example.invalid",
            variables: APIVariables(values: ["ACCOUNT": "acct 1", "TOKEN": "tok-secret"], secretNames: ["TOKEN"]),
            overlap: 3600, startAt: nil, zone: try LocalZone(identifier: "UTC"), retry: RetryPolicy(maxAttempts: 1))
    }

    static func pull(_ source: RingbackConfig.APISource, _ pages: [String]) -> (pages: Int, asked: [String], failure: APIPullFailure?) {
        let transport = CannedPages(pages)
        let client = HTTPClient(policy: source.retry, transport: transport, pause: { _ in }, random: { 0 })
        var count = 0
        do {
            try APIPager(source: source, client: client).pull(since: Date(timeIntervalSince1970: 1_794_787_200)) { _ in count += 1 }
            return (count, transport.asked.withLock { $0 }, nil)
        } catch {
            return (count, transport.asked.withLock { $0 }, error)
        }
    }

    @Test func aNextPageLinkToAnotherHostIsNotFollowed() throws {
        let result = Self.pull(
            try Self.source(paging: "{ uri_field: next }"),
            [#"{"records": [{"id": 1}], "next": "https://elsewhere.example.invalid/v1/calls?page=2"}"#])
        #expect(result.pages == 1 && result.asked.count == 1)
        #expect(result.failure?.reason.contains("the next-page link leaves api.example.invalid") == true)
    }

    @Test func aServerThatSendsTheSameNextPageAgainIsStopped() throws {
        let page = #"{"records": [{"id": 1}], "next": "/v1/calls?page=2"}"#
        let result = Self.pull(try Self.source(paging: "{ uri_field: next }"), [page, page, page])
        #expect(
            result.asked == [
                "https://api.example.invalid/v1/acct%201/calls?dateFrom=2026-11-16T00%3A00%3A00Z",
                "https://api.example.invalid/v1/calls?page=2",
            ])
        #expect(result.failure?.reason == "the API sent the same next page twice")
    }

    @Test func aPullThatNeverEndsStopsAtMaxPages() throws {
        let pages = (1...5).map { #"{"records": [{"id": \#($0)}], "token": "t\#($0)"}"# }
        let result = Self.pull(try Self.source(paging: "{ token_field: token, token_parameter: after }", maxPages: 3), pages)
        #expect(result.pages == 3)
        #expect(result.failure?.page == 4)
        #expect(result.failure?.reason.hasPrefix("more than 3 pages; raise `max_pages` in paged.yaml:") == true)
        #expect(result.asked.last?.hasSuffix("&after=t2") == true)
    }

    @Test func aPageCounterStopsAtTheTotal() throws {
        let pages = (1...3).map { #"{"records": [{"id": \#($0)}], "meta": {"pages": 3}}"# }
        let result = Self.pull(
            try Self.source(
                paging: "{ page_parameter: p, total_pages_field: meta.pages }",
                since: "{ parameter: from, format: epoch }"), pages + pages)
        #expect(result.failure == nil)
        #expect(result.asked.map { String($0.split(separator: "?").last!) } == ["from=1794787200&p=1", "from=1794787200&p=2", "from=1794787200&p=3"])
    }

    @Test func sinceIsWrittenInTheAPIsFormat() {
        let instant = ISO8601DateFormatter().date(from: "2026-11-18T20:30:00Z")!
        #expect(APIPager.format(instant, .iso8601) == "2026-11-18T20:30:00Z")
        #expect(APIPager.format(instant, .date) == "2026-11-18")
        #expect(APIPager.format(instant, .epoch) == "1795033800")
    }
}
