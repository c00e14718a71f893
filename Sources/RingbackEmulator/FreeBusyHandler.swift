import Foundation
import RingbackJSON

/// `calendar.freebusy.query` (`POST /calendar/v3/freeBusy`), as the discovery document describes it:
/// `timeMin`/`timeMax` required, `timeZone` for the answer (UTC by default), at most 50 calendars
/// (`calendarExpansionMax` ≤ 50, `groupExpansionMax` ≤ 100), a range of at most 90 days. Each calendar
/// answers its merged busy spans, clipped to the range; one it cannot see answers `errors` instead, as
/// does every calendar past the expansion limit. Cancelled and transparent events are free.
struct FreeBusyHandler {
    static let maxCalendars = 50
    static let maxGroupMembers = 100
    static let maxRange: TimeInterval = 90 * 86400
    /// The discovery document's scopes for the method (`calendar.events` alone is not one).
    static let scopes: Set<String> = [
        "https://www.googleapis.com/auth/calendar", "https://www.googleapis.com/auth/calendar.events.freebusy",
        "https://www.googleapis.com/auth/calendar.freebusy", "https://www.googleapis.com/auth/calendar.readonly",
    ]

    let calendars: [String: CalendarData]
    let caller: String

    static func error(_ code: Int, _ reason: String, _ message: String) -> HTTPResponseData {
        GoogleError.calendar(code, reason: reason, message)
    }

    func handle(_ body: [UInt8]) -> HTTPResponseData {
        guard let value = try? JSONValue.parse(body), let request = value.object else {
            return Self.error(400, "parseError", "Parse Error")
        }
        let range: (min: Date, max: Date, zone: TimeZone)
        switch Self.range(request) {
        case .failure(let failure): return failure.response
        case .success(let found): range = found
        }
        if let limit = request["calendarExpansionMax"]?.number, limit > Double(Self.maxCalendars) || limit < 0 {
            return Self.error(400, "invalid", "Invalid value for calendarExpansionMax: \(Int(limit)). Maximum value is \(Self.maxCalendars).")
        }
        if let limit = request["groupExpansionMax"]?.number, limit > Double(Self.maxGroupMembers) || limit < 0 {
            return Self.error(400, "invalid", "Invalid value for groupExpansionMax: \(Int(limit)). Maximum value is \(Self.maxGroupMembers).")
        }
        let limit = request["calendarExpansionMax"]?.number.map { Int($0) } ?? Self.maxCalendars
        var answers: [String: JSONValue] = [:]
        for (position, item) in (request["items"]?.array ?? []).enumerated() {
            guard let id = item["id"]?.string else { continue }
            if position >= limit {
                answers[id] = Self.failed("tooManyCalendarsRequested")
            } else if let calendar = calendars[id], calendar.sharedWith.map({ $0.contains(caller) }) ?? true {
                answers[id] = [
                    "busy": .array(
                        Self.busy(calendar, from: range.min, to: range.max).map { span in
                            [
                                "start": .string(EventTime.render(span.start, in: range.zone)),
                                "end": .string(EventTime.render(span.end, in: range.zone)),
                            ]
                        })
                ]
            } else {
                answers[id] = Self.failed("notFound")
            }
        }
        return .json(
            200,
            [
                "kind": "calendar#freeBusy", "timeMin": .string(EventTime.renderRFC3339UTC(range.min)),
                "timeMax": .string(EventTime.renderRFC3339UTC(range.max)), "calendars": .object(answers),
            ])
    }

    private static func failed(_ reason: String) -> JSONValue {
        ["errors": [["domain": "global", "reason": .string(reason)]], "busy": []]
    }

    private static func range(_ request: [String: JSONValue]) -> Result<(min: Date, max: Date, zone: TimeZone), APIFailure> {
        var instants: [Date] = []
        for key in ["timeMin", "timeMax"] {
            guard let text = request[key]?.string else { return .failure(APIFailure(error(400, "required", "Missing \(key) parameter."))) }
            guard case .some(.some(let instant)) = EventTime.parseDateTime(text, zone: nil) else {
                return .failure(APIFailure(error(400, "invalid", "Invalid value for: \(key) is not a valid RFC 3339 date-time with an offset.")))
            }
            instants.append(instant)
        }
        var zone = TimeZone(identifier: "UTC")!
        if let name = request["timeZone"]?.string {
            guard let found = TimeZone(identifier: name) else { return .failure(APIFailure(error(400, "invalid", "Invalid time zone definition."))) }
            zone = found
        }
        guard instants[1] > instants[0] else { return .failure(APIFailure(error(400, "timeRangeEmpty", "The specified time range is empty."))) }
        guard instants[1].timeIntervalSince(instants[0]) <= maxRange else {
            return .failure(APIFailure(error(400, "timeRangeTooLong", "The requested time range is too long.")))
        }
        return .success((instants[0], instants[1], zone))
    }

    /// Opaque, confirmed events overlapping the range, clipped to it and merged where they touch.
    static func busy(_ calendar: CalendarData, from: Date, to: Date) -> [(start: Date, end: Date)] {
        let spans = calendar.events.values
            .filter { $0.status != "cancelled" && $0.fields["transparency"]?.string != "transparent" }
            .filter { $0.end.instant > from && $0.start.instant < to }
            .map { (start: max($0.start.instant, from), end: min($0.end.instant, to)) }
            .sorted { $0.start < $1.start }
        var merged: [(start: Date, end: Date)] = []
        for span in spans {
            if let last = merged.last, span.start <= last.end {
                merged[merged.count - 1].end = max(last.end, span.end)
            } else {
                merged.append(span)
            }
        }
        return merged
    }
}
