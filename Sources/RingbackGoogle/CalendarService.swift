import RingbackJSON

/// One Calendar v3 call inside a batch: method, path below the API root and JSON body.
package struct CalendarCall: Sendable, Hashable {
    package var method: String
    /// e.g. `/calendar/v3/calendars/{calendarId}/events` or `…/events/{eventId}`, ids percent-encoded.
    package var path: String
    package var body: JSONValue?

    package init(method: String, path: String, body: JSONValue? = nil) {
        self.method = method
        self.path = path
        self.body = body
    }
}

/// One call's outcome: the status and body Google gave that part, or the error it ended with.
package struct CalendarCallResult: Sendable, Hashable {
    package var status: Int
    package var body: JSONValue?
    /// Set for non-2xx parts, with Google's reason (`duplicate`, `deleted`, `notFound`, …).
    package var error: GoogleAPIError?

    package init(status: Int, body: JSONValue? = nil, error: GoogleAPIError? = nil) {
        self.status = status
        self.body = body
        self.error = error
    }
}

/// The Calendar v3 calls Ringback makes. The REST client implements it; tests may use in-memory fakes.
package protocol CalendarService: Sendable {
    /// Sends the calls through `POST /batch/calendar/v3` (multipart/mixed), at most 50 per HTTP request.
    /// Parts that fail with a retryable status (429, 500, 502, 503, 504, 403 rate-limit reasons) are sent again,
    /// with backoff, in a later batch; the results come back one per call, in order. Only a failure of the
    /// batch request itself (after its retries) throws.
    func batch(_ calls: [CalendarCall]) throws(GoogleAPIError) -> [CalendarCallResult]
    /// One page of `events.list` of a calendar, the query's names and values as given (encoded by the client).
    func listEvents(calendarID: String, query: [(name: String, value: String)]) throws(GoogleAPIError) -> JSONValue
}
