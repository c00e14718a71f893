import Foundation
import RingbackJSON

/// What happens to events outside Ringback: `events.move` between calendars, and the crew's own edits
/// in the Calendar app (moving a job, deleting a callback), which later listings must show as Google does.
extension EmulatorState {
    /// events.move: the event keeps its id and lives in `destination`; `source` lists it as cancelled from now on.
    mutating func moveEvent(_ id: String, from source: String, to destination: String, now: Date) throws(APIFailure) -> JSONValue {
        guard var event = calendars[source]?.events[id], event.status != "cancelled", calendars[destination] != nil else {
            throw CalendarHandler.notFound
        }
        guard source != destination else { return calendars[source]!.resource(event) }
        if let there = calendars[destination]?.events[id], there.status != "cancelled" {
            throw CalendarHandler.error(409, "duplicate", "The requested identifier already exists.")
        }
        calendarClock += 1
        var left = event
        left.status = "cancelled"
        left.updated = now
        left.changedAt = calendarClock
        calendars[source]!.events[id] = left
        event.updated = now
        event.changedAt = calendarClock
        event.order = calendars[destination]!.insertions
        calendars[destination]!.insertions += 1
        calendars[destination]!.events[id] = event
        return calendars[destination]!.resource(event)
    }

    /// The crew changing an event in the Calendar app, as events.patch merges it (new times, a new title).
    mutating func crewPatch(calendarID: String, eventID: String, _ patch: JSONValue, now: Date) throws(APIFailure) -> JSONValue {
        guard let calendar = calendars[calendarID] else { throw CalendarHandler.notFound }
        let request = HTTPRequestData(
            method: "PATCH", target: "/calendar/v3/calendars/\(calendarID)/events/\(eventID)", headers: [], body: patch.bytes())
        var handler = CalendarHandler(
            calendar: calendar, request: request, clock: calendarClock, syncEpoch: syncEpoch, generatedID: eventID, now: now)
        let response = try handler.perform(.patch(eventID))
        calendars[calendarID] = handler.calendar
        calendarClock = handler.clock
        return (try? JSONValue.parse(response.body)) ?? .null
    }

    /// The crew deleting an event: Calendar keeps it, cancelled.
    mutating func crewDelete(calendarID: String, eventID: String, now: Date) -> Bool {
        guard var event = calendars[calendarID]?.events[eventID], event.status != "cancelled" else { return false }
        calendarClock += 1
        event.status = "cancelled"
        event.updated = now
        event.changedAt = calendarClock
        calendars[calendarID]!.events[eventID] = event
        return true
    }

    /// Every sync and page token issued so far stops being accepted (410 `fullSyncRequired`), as when Google expires them.
    mutating func expireSyncTokens() {
        syncEpoch = (syncEpoch + 1 + random.next() % 0xFFFF) & 0xFFFF_FFFF
    }
}
