import Foundation
import RingbackCodecs
import RingbackHTTP
import RingbackJSON

/// Calendar v3 over REST through a `GoogleSession`: calls go in `multipart/mixed` batches of at most
/// `batchSize`, and parts that fail with a retryable status are sent again, alone, after a backoff.
package struct CalendarRESTClient: CalendarService {
    package let session: GoogleSession
    package let root: URL
    package let batchSize: Int
    package let maxPartAttempts: Int
    let pause: @Sendable (Double) -> Void

    package init(
        session: GoogleSession, root: URL = GoogleEndpoints.google.calendar, batchSize: Int = 50,
        pause: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }, maxPartAttempts: Int = 5
    ) {
        self.session = session
        self.root = root
        self.batchSize = min(max(batchSize, 1), 1000)
        self.pause = pause
        self.maxPartAttempts = max(maxPartAttempts, 1)
    }

    /// `/calendar/v3/calendars/{calendarId}/events[/{eventId}]`, ids percent-encoded (`@` → `%40`, `#` → `%23`).
    package static func eventsPath(calendarID: String, eventID: String? = nil) -> String {
        var path = "/calendar/v3/calendars/" + PercentEncoding.encode(calendarID) + "/events"
        if let eventID { path += "/" + PercentEncoding.encode(eventID) }
        return path
    }

    /// One event, cancelled ones included; nil when Google answers 404 (no such event, or no such calendar).
    package func get(calendarID: String, eventID: String) throws(GoogleAPIError) -> JSONValue? {
        let operation = "calendar get event \(eventID) in \(calendarID)"
        let url = try url(Self.eventsPath(calendarID: calendarID, eventID: eventID), operation: operation)
        do throws(GoogleAPIError) {
            return try session.json(method: "GET", url: url, body: nil, operation: operation)
        } catch {
            if error.kind == .http && error.status == 404 { return nil }
            throw error
        }
    }

    package func listEvents(calendarID: String, query: [(name: String, value: String)]) throws(GoogleAPIError) -> JSONValue {
        let operation = "calendar list events of \(calendarID)"
        let encoded = query.map { PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode($0.value) }.joined(separator: "&")
        guard let url = GoogleEndpoints.url(root, Self.eventsPath(calendarID: calendarID), query: encoded) else {
            throw GoogleAPIError(
                kind: .credentials, message: "the calendar id cannot be used in a URL", operation: operation,
                hint: "Check the calendar id in the config")
        }
        return try session.json(method: "GET", url: url, body: nil, operation: operation)
    }

    /// Sends every call once (in batches of `batchSize`), then, after one wait, every call that failed for now,
    /// round after round: a run of many batches waits per round, not per batch.
    package func batch(_ calls: [CalendarCall]) throws(GoogleAPIError) -> [CalendarCallResult] {
        var results = [CalendarCallResult?](repeating: nil, count: calls.count)
        var pending = Array(calls.indices)
        var attempt = 0
        let policy = session.http.policy
        while !pending.isEmpty {
            attempt += 1
            var retry: [Int] = []
            var asked: Double = 0
            var start = 0
            while start < pending.count {
                let chunk = Array(pending[start..<min(start + batchSize, pending.count)])
                let (again, wait) = try send(chunk, of: calls, attempt: attempt, into: &results)
                retry += again
                asked = max(asked, wait)
                start += batchSize
            }
            pending = retry
            guard !pending.isEmpty else { break }
            let wait = max(min(asked, policy.maxRetryAfter), policy.backoff(afterAttempt: attempt, unit: Double.random(in: 0..<1)))
            session.http.onRetry?(
                "\(pending.count) calendar call\(pending.count == 1 ? "" : "s") failed for now; retrying in \(String(format: "%.1f", wait)) s (attempt \(attempt + 1) of \(maxPartAttempts))"
            )
            pause(wait)
        }
        return results.map { $0 ?? CalendarCallResult(status: 0) }
    }

    /// Sends one batch request; returns the calls to send again and the longest `Retry-After` asked.
    private func send(
        _ pending: [Int], of calls: [CalendarCall], attempt: Int,
        into results: inout [CalendarCallResult?]
    ) throws(GoogleAPIError) -> (retry: [Int], asked: Double) {
        let batchURL = try url("batch/calendar/v3", operation: "calendar batch")
        let request = CalendarBatchRequest(items: pending.map { (number: $0 + 1, call: calls[$0]) })
        let operation = "calendar batch of \(pending.count) call\(pending.count == 1 ? "" : "s")"
        let response = try session.send(
            method: "POST", url: batchURL, body: request.body, contentType: request.contentType,
            operation: operation)
        let answer: CalendarBatchResponse
        do {
            answer = try CalendarBatchResponse(contentType: response.header("Content-Type"), body: response.body)
        } catch {
            throw GoogleAPIError(
                kind: .badResponse, status: response.status,
                message: "the batch answer cannot be read: \(error)", operation: operation)
        }
        let parts = Self.match(answer.parts, to: pending)
        var retry: [Int] = []
        var asked: Double = 0
        let final = attempt >= maxPartAttempts
        for index in pending {
            let call = calls[index]
            let partOperation = "calendar \(call.method) \(call.path)"
            guard let part = parts[index] else {
                if final {
                    results[index] = CalendarCallResult(
                        status: 0,
                        error: GoogleAPIError(
                            kind: .badResponse, message: "the batch answer had no part for this call", operation: partOperation, attempts: attempt))
                } else {
                    retry.append(index)
                }
                continue
            }
            if (200..<300).contains(part.status) {
                results[index] = CalendarCallResult(status: part.status, body: part.json)
                continue
            }
            let body = GoogleErrorBody(bytes: part.bodyBytes)
            if !final && GoogleRetryRules.isRetryable(status: part.status, reason: body.reason) {
                retry.append(index)
                asked = max(asked, RetryAfterHeader.seconds(part.headers["retry-after"]) ?? 0)
                continue
            }
            let error = GoogleAPIError(
                status: part.status, body: body, operation: partOperation,
                account: session.tokens.accountDescription, context: .batchPart, attempts: attempt)
            results[index] = CalendarCallResult(status: part.status, body: part.json, error: error)
        }
        return (retry, asked)
    }

    /// Each pending call's part: by `Content-ID` (`response-item-N`), else by position among the parts.
    static func match(_ parts: [CalendarBatchResponse.Part], to pending: [Int]) -> [Int: CalendarBatchResponse.Part] {
        var matched: [Int: CalendarBatchResponse.Part] = [:]
        let wanted = Set(pending)
        var unnumbered: [(position: Int, part: CalendarBatchResponse.Part)] = []
        for (position, part) in parts.enumerated() {
            if let number = part.number, wanted.contains(number - 1), matched[number - 1] == nil {
                matched[number - 1] = part
            } else {
                unnumbered.append((position, part))
            }
        }
        for (position, part) in unnumbered where position < pending.count && matched[pending[position]] == nil {
            matched[pending[position]] = part
        }
        return matched
    }

    private func url(_ path: String, operation: String) throws(GoogleAPIError) -> URL {
        guard let url = GoogleEndpoints.url(root, path) else {
            throw GoogleAPIError(
                kind: .credentials, message: "\(path) cannot be used in a URL", operation: operation,
                hint: "Check the calendar id in the config")
        }
        return url
    }
}
