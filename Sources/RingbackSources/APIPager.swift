import Foundation
import RingbackCodecs
import RingbackHTTP
import RingbackJSON
import RingbackMapping

/// Walks an API source's pages in order, from a start time to the last page, the way its mapping's
/// `api:` section says: next-page URI, page counter with a total, or token. A page that fails is retried
/// by the HTTP client; when it still fails, the pages already read have been handed on and the error
/// says which page stopped the pull.
struct APIPager {
    let source: APISourceSettings
    let client: HTTPClient

    /// Where the next request goes: the URL and its query, and the page counter for counted pages.
    private struct Position {
        var url: String
        var query: [(name: String, value: String)]
        var counter: Int

        var address: String { query.isEmpty ? url : url + (url.contains("?") ? "&" : "?") + PercentEncoding.form(query) }
    }

    func pull(since: Date?, onPage: (APIPage) throws(APIPullFailure) -> Void) throws(APIPullFailure) {
        guard let base = URL(string: source.baseURL) else {
            throw failure(page: 1, url: source.baseURL, status: nil, reason: "the base URL is not a URL")
        }
        let firstQuery = firstQuery(since: since)
        var position = Position(
            url: base.absoluteString + source.variables.expand(source.api.path, encode: PercentEncoding.encode), query: firstQuery,
            counter: pageCounterStart)
        var pageNumber = 0
        var seen = Set<String>()
        while true {
            pageNumber += 1
            let address = position.address
            let shown = source.variables.redact(address)
            guard seen.insert(address).inserted else {
                throw failure(page: pageNumber, url: shown, status: nil, reason: "the API sent the same next page twice")
            }
            let (object, records, status) = try fetch(address, shown: shown, page: pageNumber)
            try onPage(APIPage(number: pageNumber, bytes: object.bytes, displayURL: shown))
            // An empty counted page is past the end; linked pages go on while there is a link, since
            // a system may return an empty page in the middle of a filtered listing.
            if records.isEmpty, case .pageCounter = source.api.paging { return }
            guard
                let next = try next(
                    after: position, in: object.page, page: pageNumber, shown: shown, status: status, base: base, firstQuery: firstQuery)
            else { return }
            position = next
        }
    }

    /// One page: requested, checked to be JSON with a list of records where the mapping says.
    private func fetch(
        _ address: String, shown: String, page: Int
    ) throws(APIPullFailure)
        -> (object: (page: JSONValue, bytes: [UInt8]), records: [JSONValue], status: Int)
    {
        guard page <= source.api.maxPages else {
            throw failure(
                page: page, url: shown, status: nil,
                reason: "more than \(source.api.maxPages) pages; raise `max_pages` in \(source.api.origin) if that is expected")
        }
        guard let requestURL = URL(string: address) else {
            throw failure(page: page, url: shown, status: nil, reason: "not a valid URL")
        }
        let response: HTTPResponse
        do {
            response = try client.get(HTTPRequest(url: requestURL, headers: source.requestHeaders, displayURL: shown))
        } catch {
            throw failure(page: page, url: shown, status: error.status, reason: error.summary)
        }
        guard let object = try? JSONValue.parse(response.body, longIntegersAsText: true) else {
            throw failure(page: page, url: shown, status: response.status, reason: "the page is not JSON")
        }
        guard let records = object.value(at: source.mapping.jsonRecords)?.array else {
            throw failure(
                page: page, url: shown, status: response.status,
                reason: "the page has no list of records at `\(source.mapping.jsonRecords)` (json.records in mapping \(source.mapping.name))")
        }
        return ((object, response.body), records, response.status)
    }

    /// Where the page after this one is, the way the mapping pages; nil after the last page.
    private func next(
        after position: Position, in object: JSONValue, page: Int, shown: String, status: Int, base: URL,
        firstQuery: [(name: String, value: String)]
    ) throws(APIPullFailure) -> Position? {
        var next = position
        switch source.api.paging {
        case .single:
            return nil
        case .nextURI(let field):
            guard let link = object.value(at: field)?.scalarText, !link.isEmpty else { return nil }
            guard let resolved = URL(string: link, relativeTo: base)?.absoluteURL else {
                throw failure(page: page + 1, url: source.variables.redact(link), status: nil, reason: "the next-page link is not a URL")
            }
            guard Self.sameOrigin(resolved, base) else {
                throw failure(
                    page: page + 1, url: source.variables.redact(resolved.absoluteString), status: nil,
                    reason: "the next-page link leaves \(base.host ?? source.baseURL); credentials are only sent to the configured base URL")
            }
            next.url = resolved.absoluteString
            next.query = []
        case .pageCounter(let parameter, let totalField, let firstPage):
            guard let total = Int(object.value(at: totalField)?.scalarText ?? "") else {
                throw failure(page: page, url: shown, status: status, reason: "the page has no page count at `\(totalField)`")
            }
            guard position.counter - firstPage + 1 < total else { return nil }
            next.counter += 1
            next.query = firstQuery.filter { $0.name != parameter } + [(parameter, String(next.counter))]
        case .token(let field, let parameter):
            guard let token = object.value(at: field)?.scalarText, !token.isEmpty else { return nil }
            next.query = firstQuery.filter { $0.name != parameter } + [(parameter, token)]
        }
        return next
    }

    private var pageCounterStart: Int {
        if case .pageCounter(_, _, let first) = source.api.paging { return first }
        return 0
    }

    /// The mapping's fixed parameters, the page size, the start time and, for counted pages, the first page.
    func firstQuery(since: Date?) -> [(name: String, value: String)] {
        var items = source.api.query.map { (name: $0.name, value: source.variables.expand($0.value)) }
        if let size = source.api.pageSize { items.append((size.parameter, String(size.value))) }
        if let rule = source.api.since, let since { items.append((rule.parameter, Self.format(since, rule.format))) }
        if case .pageCounter(let parameter, _, let first) = source.api.paging { items.append((parameter, String(first))) }
        return items
    }

    static func format(_ date: Date, _ format: APISpec.SinceFormat) -> String {
        switch format {
        case .iso8601:
            return ISO8601DateFormatter().string(from: date)
        case .date:
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            return formatter.string(from: date)
        case .epoch:
            return String(Int64(date.timeIntervalSince1970.rounded(.down)))
        }
    }

    private func failure(page: Int, url: String, status: Int?, reason: String) -> APIPullFailure {
        APIPullFailure(source: source.name, page: page, displayURL: url, status: status, reason: source.variables.redact(reason))
    }

    private static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        a.scheme?.lowercased() == b.scheme?.lowercased() && a.host?.lowercased() == b.host?.lowercased() && a.port == b.port
    }
}
