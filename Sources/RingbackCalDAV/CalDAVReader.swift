import Foundation
import RingbackCodecs
import RingbackCore
import RingbackNormalisation
import RingbackOffline

/// Reads a CalDAV calendar back: what changed since the last run's sync token (RFC 6578
/// sync-collection, one request when nothing changed), or, from a server without it, every event in a
/// time range (calendar-query). A rejected sync token falls back to a full listing. Only resources whose
/// entity tag changed are parsed; the rest are the events as last written.
struct CalDAVReader {
    let client: CalDAVClient
    let zone: LocalZone
    let range: (past: Int, future: Int)

    struct Read {
        var found: [String: FoundEvent]
        var state: CalendarReadState
    }

    func read(_ calendar: URL, state old: CalendarReadState, remembered: [String: SyncedEvent], now: Date) throws(CalDAVError) -> Read {
        var state = old
        state.location = calendar.absoluteString
        if state.incremental, let listing = try syncCollection(calendar, token: state.syncToken) {
            let full = listing.token == nil
            return try apply(listing.status, full: full || state.syncToken == nil, to: state, remembered: remembered, within: nil, calendar: calendar)
        }
        state.incremental = false
        state.syncToken = nil
        let start = now.addingTimeInterval(-Double(range.past) * 86_400), end = now.addingTimeInterval(Double(range.future) * 86_400)
        let response = try client.send("REPORT", calendar, depth: "1", body: DAVRequestBodies.calendarQuery(from: start, to: end))
        guard response.status == 207, let status = DAVMultiStatus(response.body) else {
            throw failure("calendar-query", calendar, response.status)
        }
        return try apply(status, full: true, to: state, remembered: remembered, within: DateInterval(start: start, end: end), calendar: calendar)
    }

    /// The changes since `token`, or everything (token nil in the answer) when the server rejected the
    /// token; nil when the server does not offer sync-collection.
    private func syncCollection(_ calendar: URL, token: String?) throws(CalDAVError) -> (status: DAVMultiStatus, token: String?)? {
        let response = try client.send("REPORT", calendar, depth: "0", body: DAVRequestBodies.syncCollection(token: token))
        if response.status == 207, let status = DAVMultiStatus(response.body) { return (status, token) }
        if response.status == 404 { throw failure("sync-collection", calendar, 404) }
        let body = String(decoding: response.body, as: UTF8.self)
        if token != nil && [403, 409, 400].contains(response.status) && (body.contains("valid-sync-token") || response.status == 409) {
            return try syncCollection(calendar, token: nil).map { ($0.status, nil) }
        }
        return nil
    }

    /// A resource's data when the listing left it out.
    private func fetch(_ href: String, calendar: URL) throws(CalDAVError) -> String? {
        guard let url = client.url(href, relativeTo: calendar) else { return nil }
        let response = try client.send("GET", url)
        return response.status == 200 ? String(decoding: response.body, as: UTF8.self) : nil
    }

    private func failure(_ report: String, _ calendar: URL, _ status: Int) -> CalDAVError {
        CalDAVError(
            .server(status: status), target: client.target,
            "the \(report) REPORT on \(calendar.absoluteString) answered HTTP \(status)\(status == 404 ? " (no such calendar)" : "")")
    }

    /// Folds one listing into the state. A full listing is the whole calendar (within `within` for a
    /// time-range query): a known resource it does not list was deleted.
    private func apply(
        _ listing: DAVMultiStatus, full: Bool, to old: CalendarReadState, remembered: [String: SyncedEvent], within: DateInterval?,
        calendar: URL
    ) throws(CalDAVError) -> Read {
        var state = old
        state.syncToken = listing.syncToken ?? old.syncToken
        var byHref: [String: [String]] = [:]
        for (uid, resource) in old.resources { byHref[resource.href, default: []].append(uid) }
        var parsed: [String: FoundEvent] = [:]
        var listed = Set<String>()
        for response in listing.responses {
            let known = byHref[response.href] ?? []
            if response.removed {
                for uid in known { state.resources[uid] = nil }
                continue
            }
            listed.formUnion(known)
            if let etag = response.etag, !known.isEmpty, known.allSatisfy({ old.resources[$0]?.etag == etag }) { continue }
            var data = response.calendarData
            if data == nil { data = try fetch(response.href, calendar: calendar) }
            guard let data else { continue }
            for uid in known { state.resources[uid] = nil }
            for (uid, event) in EventICalCoding.events(in: data, zone: zone) {
                parsed[uid] = event
                listed.insert(uid)
                state.resources[uid] = .init(href: response.href, etag: response.etag)
            }
        }
        if full {
            for (uid, _) in old.resources where !listed.contains(uid) {
                if let within, let event = remembered[uid],
                    !within.intersects(DateInterval(start: event.shown.start, end: max(event.shown.end, event.shown.start)))
                {
                    continue
                }
                state.resources[uid] = nil
            }
        }
        return Read(found: state.found(parsed: parsed, remembered: remembered), state: state)
    }
}
