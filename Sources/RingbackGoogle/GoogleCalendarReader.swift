import Foundation
import RingbackCore
import RingbackJSON

/// Reads Ringback's events back from each of a target's Google calendars. The first read lists them
/// whole (`privateExtendedProperty` on Ringback's kind property, one listing per kind); later reads list
/// only what changed since the calendar's `nextSyncToken` (one request when nothing did), and a token
/// Google no longer accepts (410 `fullSyncRequired`) falls back to the whole listing. Each event's
/// calendar is kept in the read state, so an event the crew moved to another of the target's
/// calendars is followed there rather than taken as deleted.
struct GoogleCalendarReader {
    let service: any CalendarService
    let resource: CalendarEventResource
    let pageSize: Int

    struct Read {
        var found: [String: FoundEvent]
        var state: CalendarReadState
    }

    /// A calendar's listing: its items, the token for next time, and whether it was the whole calendar.
    struct Listing {
        var items: [JSONValue]
        var token: String?
        var whole: Bool
    }

    func read(calendars: [String], state old: CalendarReadState, remembered: [String: SyncedEvent]) throws(GoogleAPIError) -> Read {
        var state = old
        var known: [String: String] = [:]
        for uid in Set(remembered.keys).union(old.resources.keys) { known[CalendarEventResource.eventID(uid: uid)] = uid }
        var parsed: [String: FoundEvent] = [:]
        for calendar in calendars {
            let listing = try list(calendar, token: old.calendarTokens[calendar])
            if listing.whole {
                for (uid, place) in state.resources where place.href == calendar {
                    state.resources[uid] = nil
                    parsed[uid] = nil
                }
            }
            for item in listing.items {
                guard let uid = CalendarEventResource.uid(of: item, known: known) else { continue }
                if item["status"]?.string == "cancelled" {
                    // Deleted here, or moved from here (then it is listed where it went).
                    if state.resources[uid]?.href == calendar {
                        state.resources[uid] = nil
                        parsed[uid] = nil
                    }
                    continue
                }
                guard let event = resource.found(item, uid: uid, remembered: remembered[uid]) else { continue }
                parsed[uid] = event
                state.resources[uid] = .init(href: calendar, etag: item["etag"]?.string)
            }
            state.calendarTokens[calendar] = listing.token
        }
        return Read(found: state.found(parsed: parsed, remembered: remembered), state: state)
    }

    /// What changed since `token`, or, without one or when Google refuses it, Ringback's events whole.
    func list(_ calendar: String, token: String?) throws(GoogleAPIError) -> Listing {
        if let token {
            do {
                let (items, next) = try pages(calendar, [("syncToken", token)])
                return Listing(items: items, token: next, whole: false)
            } catch  where error.status == 410 {
                // The token expired (fullSyncRequired): start over from the whole calendar.
            }
        }
        var items: [JSONValue] = []
        var first: String?
        for kind in EventKind.allCases {
            let (listed, next) = try pages(calendar, [("privateExtendedProperty", "\(CalendarEventResource.kindProperty)=\(kind.rawValue)")])
            items += listed
            // The first listing's token: what changed after it is listed again next time, never missed.
            first = first ?? next
        }
        return Listing(items: items, token: first, whole: true)
    }

    /// Every page of one listing; the sync token comes with the last.
    private func pages(_ calendar: String, _ query: [(name: String, value: String)]) throws(GoogleAPIError) -> ([JSONValue], String?) {
        var items: [JSONValue] = []
        var pageToken: String?
        while true {
            var asked = query + [("maxResults", String(pageSize))]
            if let pageToken { asked.append(("pageToken", pageToken)) }
            let page = try service.listEvents(calendarID: calendar, query: asked)
            items += page["items"]?.array ?? []
            guard let next = page["nextPageToken"]?.string else { return (items, page["nextSyncToken"]?.string) }
            pageToken = next
        }
    }
}
