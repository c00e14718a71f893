import Foundation
import RingbackCodecs
import RingbackHTTP
import RingbackJSON
import RingbackMapping

/// Fetches the mapping's `follow_up:` sub-resources for the records of each page and merges each answer
/// into its record, so the page the mapping reads already holds the voicemail or transcript. Requests go
/// to the source's base URL with its credentials and retries; a 404 means there is nothing to merge (no
/// voicemail); any other failure stops the pull like a failed page, so the watermark stays put.
final class APIFollowUpFetcher {
    let source: APISourceSettings
    let client: HTTPClient
    /// Requests made this run, per follow-up.
    private(set) var made: [Int]
    /// Records left without the follow-up because its `max_per_run` was reached, per follow-up.
    private(set) var skipped: [Int]

    init(source: APISourceSettings, client: HTTPClient) {
        self.source = source
        self.client = client
        made = source.api.followUps.map { _ in 0 }
        skipped = made
    }

    /// The page with each followed-up record's answers merged in; the page as it was when there are none.
    func enrich(_ page: APIPage) throws(APIPullFailure) -> APIPage {
        guard !source.api.followUps.isEmpty,
            let parsed = try? JSONValue.parse(page.bytes, longIntegersAsText: true),
            let records = parsed.value(at: source.mapping.jsonRecords)?.array
        else { return page }
        var merged: [JSONValue] = []
        for record in records { merged.append(try enrich(record, page: page)) }
        guard let replaced = Self.replacing(source.mapping.jsonRecords, in: parsed, with: .array(merged)) else { return page }
        var out = page
        out.bytes = replaced.bytes()
        return out
    }

    /// What the run log says about requests the bound held back.
    var warnings: [String] {
        source.api.followUps.indices.compactMap { index in
            guard skipped[index] > 0 else { return nil }
            let followUp = source.api.followUps[index]
            return
                "\(skipped[index]) records were read without `\(followUp.name)`: more than max_per_run \(followUp.maxPerRun) requests in this run (\(source.api.origin))"
        }
    }

    private func enrich(_ record: JSONValue, page: APIPage) throws(APIPullFailure) -> JSONValue {
        guard case .object(var members) = record else { return record }
        for (index, followUp) in source.api.followUps.enumerated() where followUp.applies(to: record) {
            guard let path = followUp.path(for: record, encode: PercentEncoding.encode) else { continue }
            guard made[index] < followUp.maxPerRun else {
                skipped[index] += 1
                continue
            }
            made[index] += 1
            if let answer = try fetch(source.baseURL + path, page: page.number) {
                members[followUp.name] = followUp.records.isEmpty ? answer : answer.value(at: followUp.records) ?? .null
            }
        }
        return .object(members)
    }

    /// The answer, or nil for a 404 (the record has no such sub-resource).
    private func fetch(_ address: String, page: Int) throws(APIPullFailure) -> JSONValue? {
        let shown = source.variables.redact(address)
        guard let url = URL(string: address) else {
            throw APIPullFailure(source: source.name, page: page, displayURL: shown, status: nil, reason: "the follow-up URL is not a URL")
        }
        let response: HTTPResponse
        do {
            response = try client.get(HTTPRequest(url: url, headers: source.requestHeaders, displayURL: shown))
        } catch {
            if error.status == 404 { return nil }
            throw APIPullFailure(
                source: source.name, page: page, displayURL: shown, status: error.status, reason: source.variables.redact(error.summary))
        }
        guard let answer = try? JSONValue.parse(response.body, longIntegersAsText: true) else {
            throw APIPullFailure(
                source: source.name, page: page, displayURL: shown, status: response.status, reason: "the follow-up answer is not JSON")
        }
        return answer
    }

    /// `root` with the value at a dotted member path replaced; nil when the path is not members all the way.
    static func replacing(_ path: String, in root: JSONValue, with value: JSONValue) -> JSONValue? {
        if path.isEmpty { return value }
        let keys = path.split(separator: ".", maxSplits: 1).map(String.init)
        guard case .object(var members) = root, let child = members[keys[0]] else { return nil }
        guard let replaced = replacing(keys.count > 1 ? keys[1] : "", in: child, with: value) else { return nil }
        members[keys[0]] = replaced
        return .object(members)
    }
}
