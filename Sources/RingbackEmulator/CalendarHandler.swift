import Foundation
import RingbackJSON

/// The Calendar v3 events methods Ringback calls, by their API names.
enum CalendarOperation {
    case insert, list, get(String), patch(String), update(String), delete(String), move(String)

    var methodName: String {
        switch self {
        case .insert: "calendar.events.insert"
        case .list: "calendar.events.list"
        case .get: "calendar.events.get"
        case .patch: "calendar.events.patch"
        case .update: "calendar.events.update"
        case .delete: "calendar.events.delete"
        case .move: "calendar.events.move"
        }
    }
}

/// Serves events.insert/get/patch/update/delete/list against one calendar, with Calendar's legacy error shape.
struct CalendarHandler {
    var calendar: CalendarData
    let request: HTTPRequestData
    var clock: Int
    let syncEpoch: UInt64
    let generatedID: String
    let now: Date

    static let serverFields: Set<String> = ["kind", "etag", "id", "htmlLink", "created", "updated", "iCalUID", "organizer"]

    static func error(_ code: Int, _ reason: String, _ message: String, domain: String = "global") -> APIFailure {
        APIFailure(GoogleError.calendar(code, domain: domain, reason: reason, message))
    }

    static let notFound = error(404, "notFound", "Not Found")

    private func body() throws(APIFailure) -> [String: JSONValue] {
        guard !request.body.isEmpty else { return [:] }
        guard let value = try? JSONValue.parse(request.body), let object = value.object else {
            throw Self.error(400, "parseError", "Parse Error")
        }
        return object
    }

    private mutating func validateAndStore(_ id: String, fields input: [String: JSONValue], existing: EventRecord?) throws(APIFailure) -> EventRecord
    {
        var fields = input
        for key in Self.serverFields { fields.removeValue(forKey: key) }
        // A patch carries the current status merged in; an update (full replace) without one is confirmed.
        let status = fields.removeValue(forKey: "status")?.string ?? "confirmed"
        guard ["confirmed", "tentative", "cancelled"].contains(status) else { throw Self.error(400, "invalid", "Invalid value for: status") }
        let start: EventTime, end: EventTime
        do {
            start = try EventTime.parse(fields["start"], which: "start", calendarZone: calendar.zone)
            end = try EventTime.parse(fields["end"], which: "end", calendarZone: calendar.zone)
        } catch {
            throw Self.error(400, error.reason, error.message)
        }
        if end.instant < start.instant {
            throw Self.error(400, "timeRangeEmpty", "The specified time range is empty.", domain: "calendar")
        }
        CalendarData.limitExtendedProperties(&fields)
        let requestedSequence = fields.removeValue(forKey: "sequence")?.int
        clock += 1
        var sequence = existing?.sequence ?? 0
        if let existing, existing.start.instant != start.instant || existing.end.instant != end.instant { sequence += 1 }
        if let requestedSequence { sequence = max(sequence, requestedSequence) }
        let record = EventRecord(
            id: id, fields: fields, status: status, created: existing?.created ?? now, updated: now,
            sequence: sequence, changedAt: clock, order: existing?.order ?? calendar.insertions,
            start: start, end: end)
        if existing == nil { calendar.insertions += 1 }
        calendar.events[id] = record
        return record
    }

    static func isValidEventID(_ id: String) -> Bool {
        (5...1024).contains(id.utf8.count) && id.utf8.allSatisfy { (48...57).contains($0) || (97...118).contains($0) }
    }

    mutating func perform(_ operation: CalendarOperation) throws(APIFailure) -> HTTPResponseData {
        switch operation {
        case .insert:
            let fields = try body()
            let id: String
            if let given = fields["id"] {
                guard let text = given.string, Self.isValidEventID(text) else { throw Self.error(400, "invalid", "Invalid resource id value.") }
                id = text
            } else {
                id = generatedID
            }
            if calendar.events[id] != nil { throw Self.error(409, "duplicate", "The requested identifier already exists.") }
            let record = try validateAndStore(id, fields: fields, existing: nil)
            return .json(200, calendar.resource(record))
        case .get(let id):
            guard let record = calendar.events[id] else { throw Self.notFound }
            return .json(200, calendar.resource(record, in: try responseZone()))
        case .patch(let id):
            guard let existing = calendar.events[id] else { throw Self.notFound }
            var current = existing.fields
            current["status"] = .string(existing.status)
            let merged = CalendarData.merge(.object(current), .object(try body()))?.object ?? [:]
            let record = try validateAndStore(id, fields: merged, existing: existing)
            return .json(200, calendar.resource(record))
        case .update(let id):
            guard let existing = calendar.events[id] else { throw Self.notFound }
            let record = try validateAndStore(id, fields: try body(), existing: existing)
            return .json(200, calendar.resource(record))
        case .delete(let id):
            guard var record = calendar.events[id] else { throw Self.notFound }
            if record.status == "cancelled" { throw Self.error(410, "deleted", "Resource has been deleted") }
            clock += 1
            record.status = "cancelled"
            record.updated = now
            record.changedAt = clock
            calendar.events[id] = record
            return .empty(204)
        case .list:
            return .json(200, try list())
        case .move:
            // Needs the destination calendar too: served by `EmulatorState.moveEvent`.
            throw Self.notFound
        }
    }

    private func responseZone() throws(APIFailure) -> TimeZone? {
        guard let name = request.queryValue("timeZone") else { return nil }
        guard let zone = TimeZone(identifier: name) else { throw Self.error(400, "invalid", "Invalid time zone definition.") }
        return zone
    }

    private func token(_ kind: String, _ numbers: [Int]) -> String {
        Data("\(kind):\(syncEpoch):\(numbers.map(String.init).joined(separator: ":"))".utf8).base64EncodedString()
    }

    private func readToken(_ text: String, _ kind: String) -> [Int]? {
        guard let data = Data(base64Encoded: text) else { return nil }
        let parts = String(decoding: data, as: UTF8.self).split(separator: ":")
        guard parts.count >= 2, parts[0] == kind, UInt64(parts[1]) == syncEpoch else { return nil }
        let numbers = parts.dropFirst(2).compactMap { Int($0) }
        return numbers.count == parts.count - 2 ? numbers : nil
    }

    /// The events.list query parameters, parsed and checked.
    private struct ListQuery {
        var maxResults = 250
        /// The clock of a sync token: only events changed after it are listed.
        var since: Int?
        var timeMin: Date?
        var timeMax: Date?
        var updatedMin: Date?
        var iCalUID: String?
        var privateFilters: [[String]] = []
        var sharedFilters: [[String]] = []
        var showDeleted = false
        /// The lowercased free-text search.
        var text: String?
    }

    private func list() throws(APIFailure) -> JSONValue {
        let query = try listQuery()
        let events = try orderedEvents(calendar.events.values.filter { Self.matches($0, query) })
        let page = try pagePosition()
        return try listResponse(events, maxResults: query.maxResults, offset: page.offset, snapshot: page.snapshot)
    }

    private func listQuery() throws(APIFailure) -> ListQuery {
        var query = ListQuery()
        query.maxResults = try maxResults()
        query.since = try syncTokenClock()
        query.timeMin = try instant("timeMin")
        query.timeMax = try instant("timeMax")
        query.updatedMin = try instant("updatedMin")
        if let timeMin = query.timeMin, let timeMax = query.timeMax, timeMax <= timeMin {
            throw APIFailure(
                GoogleError.calendar(
                    400, domain: "calendar", reason: "timeRangeEmpty", "The specified time range is empty.",
                    location: ("parameter", "timeMax")))
        }
        query.iCalUID = request.queryValue("iCalUID")
        query.privateFilters = propertyFilters("privateExtendedProperty")
        query.sharedFilters = propertyFilters("sharedExtendedProperty")
        query.showDeleted = request.queryValue("showDeleted") == "true" || query.since != nil
        query.text = request.queryValue("q")?.lowercased()
        return query
    }

    private func maxResults() throws(APIFailure) -> Int {
        guard let text = request.queryValue("maxResults") else { return 250 }
        guard let n = Int(text), n >= 1 else {
            throw Self.error(400, "invalid", "Invalid value '\(text)'. Values must match the following regular expression: '[0-9]+'")
        }
        return min(n, 2500)
    }

    /// The clock a `syncToken` was issued at, if one was given; it must not be combined with filters.
    private func syncTokenClock() throws(APIFailure) -> Int? {
        guard let sync = request.queryValue("syncToken") else { return nil }
        // The discovery document: these "cannot be specified together with nextSyncToken", and deleted
        // events are always listed ("it is not allowed to set showDeleted to False").
        let forbidden = ["timeMin", "timeMax", "privateExtendedProperty", "sharedExtendedProperty", "q", "orderBy", "iCalUID", "updatedMin"]
        if let given = forbidden.first(where: { request.queryValue($0) != nil }) {
            throw APIFailure(
                GoogleError.calendar(
                    400, domain: "global", reason: "invalid", "Sync token cannot be combined with \(given).",
                    location: ("parameter", given)))
        }
        if request.queryValue("showDeleted") == "false" {
            throw APIFailure(
                GoogleError.calendar(
                    400, domain: "global", reason: "invalid", "Sync token cannot be combined with showDeleted=false.",
                    location: ("parameter", "showDeleted")))
        }
        guard let numbers = readToken(sync, "sync"), numbers.count == 1, numbers[0] <= clock else {
            throw APIFailure(
                GoogleError.calendar(
                    410, domain: "calendar", reason: "fullSyncRequired",
                    "Sync token is no longer valid, a full sync is required.", location: ("parameter", "syncToken")))
        }
        return numbers[0]
    }

    private func instant(_ name: String) throws(APIFailure) -> Date? {
        guard let text = request.queryValue(name) else { return nil }
        guard case .some(.some(let date)) = EventTime.parseDateTime(text, zone: nil) else {
            throw Self.error(400, "badRequest", "Bad Request")
        }
        return date
    }

    /// `key=value` filters on extended properties, split at the first `=`.
    private func propertyFilters(_ name: String) -> [[String]] {
        request.queryValues(name).map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
    }

    private static func matches(_ event: EventRecord, _ query: ListQuery) -> Bool {
        if let since = query.since { return event.changedAt > since }
        if event.status == "cancelled" && !query.showDeleted { return false }
        guard matchesTimes(event, query) else { return false }
        if let id = query.iCalUID, id != event.id + "@google.com" { return false }
        guard matchesProperties(event, "private", query.privateFilters), matchesProperties(event, "shared", query.sharedFilters) else {
            return false
        }
        if let text = query.text {
            let haystack = ["summary", "description", "location"].compactMap { event.fields[$0]?.string?.lowercased() }.joined(separator: " ")
            if !haystack.contains(text) { return false }
        }
        return true
    }

    private static func matchesTimes(_ event: EventRecord, _ query: ListQuery) -> Bool {
        if let timeMin = query.timeMin, event.end.instant <= timeMin,
            !(event.end.instant == event.start.instant && event.start.instant >= timeMin)
        {
            return false
        }
        if let timeMax = query.timeMax, event.start.instant >= timeMax { return false }
        if let updatedMin = query.updatedMin, event.updated < updatedMin { return false }
        return true
    }

    private static func matchesProperties(_ event: EventRecord, _ scope: String, _ filters: [[String]]) -> Bool {
        filters.allSatisfy { filter in
            filter.count == 2 && event.fields["extendedProperties"]?[scope]?[filter[0]]?.string == filter[1]
        }
    }

    private func orderedEvents(_ matching: [EventRecord]) throws(APIFailure) -> [EventRecord] {
        if request.queryValue("orderBy") == "startTime" && request.queryValue("singleEvents") != "true" {
            throw Self.error(400, "badRequest", "The requested ordering is not available for the particular query.")
        }
        var events = matching
        switch request.queryValue("orderBy") {
        case "startTime": events.sort { ($0.start.instant, $0.order) < ($1.start.instant, $1.order) }
        case "updated": events.sort { ($0.updated, $0.order) < ($1.updated, $1.order) }
        default: events.sort { $0.order < $1.order }
        }
        return events
    }

    /// Where this page starts and the clock the listing was first taken at, from `pageToken` if given.
    private func pagePosition() throws(APIFailure) -> (offset: Int, snapshot: Int) {
        guard let page = request.queryValue("pageToken") else { return (0, clock) }
        guard let numbers = readToken(page, "page"), numbers.count == 2 else { throw Self.error(400, "invalid", "Invalid page token value.") }
        return (numbers[0], numbers[1])
    }

    private func listResponse(_ events: [EventRecord], maxResults: Int, offset: Int, snapshot: Int) throws(APIFailure) -> JSONValue {
        let pageItems = events.dropFirst(offset).prefix(maxResults)
        let zone = try responseZone()
        var reply: [String: JSONValue] = [
            "kind": "calendar#events",
            "etag": .string("\"\(snapshot)\""),
            "summary": .string(calendar.id),
            "description": "",
            "updated": .string(EventTime.renderRFC3339UTC(calendar.events.values.map(\.updated).max() ?? now)),
            "timeZone": .string(calendar.timeZone),
            "accessRole": "owner",
            "defaultReminders": [],
            "items": .array(pageItems.map { $0.status == "cancelled" ? CalendarData.tombstone($0) : calendar.resource($0, in: zone) }),
        ]
        if offset + pageItems.count < events.count {
            reply["nextPageToken"] = .string(token("page", [offset + pageItems.count, snapshot]))
        } else {
            reply["nextSyncToken"] = .string(token("sync", [snapshot]))
        }
        return .object(reply)
    }
}
