import Foundation
import RingbackCodecs
import RingbackHTTP
import RingbackJSON

/// Walks a field-service tool's pages of jobs: Jobber's GraphQL `jobs` query by cursor
/// (`pageInfo { hasNextPage endCursor }` fed back as `$after`), Housecall Pro's `GET /jobs` by page
/// number up to `total_pages`. The HTTP client retries a page that fails; when it still fails, the error
/// says which page stopped the pull. `onPage` returns false when it needs no older page.
struct BookingPager {
    let source: String
    let system: BookingSystem
    let api: BookingSourceSettings.API
    let client: HTTPClient

    func pull(since: Date, onPage: (_ number: Int, _ page: JSONValue, _ shown: String) -> Bool) throws(BookingPullFailure) {
        var cursor: String?
        var seen = Set<String>()
        var number = 0
        while true {
            number += 1
            guard number <= api.maxPages else {
                throw failure(number, api.baseURL + system.path, nil, "more than \(api.maxPages) pages; raise `max_pages` if that is expected")
            }
            let (outgoing, shown) = try makeRequest(page: number, cursor: cursor, since: since)
            let page = try fetch(outgoing, number: number, shown: shown)
            let wantsMore = onPage(number, page, shown)
            switch system {
            case .jobber:
                guard page.value(at: "data.jobs.pageInfo.hasNextPage")?.bool == true, wantsMore else { return }
                guard let next = page.value(at: "data.jobs.pageInfo.endCursor")?.scalarText, !next.isEmpty else {
                    throw failure(number, shown, nil, "hasNextPage is true but pageInfo.endCursor is empty")
                }
                guard seen.insert(next).inserted else { throw failure(number + 1, shown, nil, "the API sent the same cursor twice") }
                cursor = next
            case .housecallPro:
                guard let total = page.value(at: "total_pages")?.int else {
                    throw failure(number, shown, nil, "the page has no page count at `total_pages`")
                }
                guard number < total, wantsMore else { return }
            }
        }
    }

    private func makeRequest(page: Int, cursor: String?, since: Date) throws(BookingPullFailure) -> (HTTPRequest, String) {
        var headers = ["Accept": "application/json", "Authorization": "\(api.authScheme) \(api.token)"]
        let sinceText = ISO8601DateFormatter().string(from: since)
        switch system {
        case .jobber:
            let address = api.baseURL + system.path
            guard let url = URL(string: address) else { throw failure(page, address, nil, "the base URL is not a URL") }
            headers["Content-Type"] = "application/json"
            if let version = api.graphQLVersion { headers["X-JOBBER-GRAPHQL-VERSION"] = version }
            let variables: JSONValue = [
                "first": .number(Double(api.pageSize)), "after": cursor.map { JSONValue.string($0) } ?? .null,
                "filter": ["updatedAt": ["after": .string(sinceText)]],
            ]
            let body: JSONValue = ["query": .string(BookingSystem.jobberQuery), "variables": variables]
            let shown = "POST \(address) (jobs, page \(page))"
            return (HTTPRequest(method: "POST", url: url, headers: headers, body: body.bytes(), displayURL: shown), shown)
        case .housecallPro:
            let query: [(name: String, value: String)] = [
                ("page", String(page)), ("page_size", String(api.pageSize)), ("sort_by", "updated_at"), ("sort_direction", "desc"),
            ]
            let address = api.baseURL + system.path + "?" + PercentEncoding.form(query)
            guard let url = URL(string: address) else { throw failure(page, address, nil, "the base URL is not a URL") }
            return (HTTPRequest(url: url, headers: headers, displayURL: address), "GET \(address)")
        }
    }

    private func fetch(_ request: HTTPRequest, number: Int, shown: String) throws(BookingPullFailure) -> JSONValue {
        let response: HTTPResponse
        do {
            response = try client.get(request)
        } catch {
            throw failure(number, shown, error.status, api.redact(error.summary))
        }
        guard let page = try? JSONValue.parse(response.body) else { throw failure(number, shown, response.status, "the page is not JSON") }
        if let errors = page.value(at: "errors")?.array, !errors.isEmpty {
            let messages = errors.compactMap { $0.value(at: "message")?.scalarText }.joined(separator: "; ")
            throw failure(number, shown, response.status, "the API answered with errors: \(api.redact(messages))")
        }
        guard page.value(at: system.recordsPath)?.array != nil else {
            throw failure(number, shown, response.status, "the page has no list of jobs at `\(system.recordsPath)`")
        }
        return page
    }

    private func failure(_ page: Int, _ shown: String, _ status: Int?, _ reason: String) -> BookingPullFailure {
        BookingPullFailure(source: source, page: page, displayURL: api.redact(shown), status: status, reason: reason)
    }
}
