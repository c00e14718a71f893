import Foundation
import RingbackCore
import RingbackJSON
import RingbackNormalisation
import Testing

@testable import RingbackGoogle

/// Answers batch calls from a script keyed by method and path, and records them.
private final class ScriptedCalendar: CalendarService, @unchecked Sendable {
    var answers: [String: Int] = [:]
    var calls: [[CalendarCall]] = []

    func batch(_ calls: [CalendarCall]) throws(GoogleAPIError) -> [CalendarCallResult] {
        self.calls.append(calls)
        return calls.map { call in
            let status = answers["\(call.method) \(call.path)"] ?? 200
            return CalendarCallResult(
                status: status, body: status < 300 ? call.body : nil,
                error: status < 300
                    ? nil
                    : GoogleAPIError(
                        kind: .http, status: status, reason: status == 409 ? "duplicate" : nil,
                        message: "refused", operation: "calendar"))
        }
    }

    func listEvents(calendarID: String, query: [(name: String, value: String)]) throws(GoogleAPIError) -> JSONValue {
        ["items": [], "nextSyncToken": "token"]
    }
}

@Suite struct GoogleCalendarTargetTests {
    let zone = try! LocalZone(identifier: "America/Chicago")
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    func event(_ lead: String, owner: String = "Dispatcher", cancelled: Bool = false) -> CalendarEvent {
        CalendarEvent(
            uid: LeadEventBuilder.uid(leadID: lead, kind: .callback), leadID: lead, kind: .callback, title: "Call back",
            details: "d", location: "", start: start, end: start + 900, owner: owner, cancelled: cancelled)
    }

    @Test func eventIDsAreStableBase32Hex() {
        let id = CalendarEventResource.eventID(uid: "L-1-callback@ringback")
        #expect(id == CalendarEventResource.eventID(uid: "L-1-callback@ringback"))
        #expect(id.count == 26)
        #expect(id.allSatisfy { "0123456789abcdefghijklmnopqrstuv".contains($0) })
        #expect(id != CalendarEventResource.eventID(uid: "L-2-callback@ringback"))
    }

    @Test func timesCarryTheBusinessOffsetAndZone() {
        let resource = CalendarEventResource(zone: zone)
        let winter = zone.date(from: LocalDateTime(year: 2026, month: 11, day: 20, hour: 9, minute: 15))
        let summer = zone.date(from: LocalDateTime(year: 2026, month: 7, day: 3, hour: 9, minute: 15))
        #expect(resource.time(winter) == ["dateTime": "2026-11-20T09:15:00-06:00", "timeZone": "America/Chicago"])
        #expect(resource.rfc3339(summer) == "2026-07-03T09:15:00-05:00")
        let body = resource.body(event("L-9"))
        #expect(body["extendedProperties"]?["private"]?["ringbackLeadId"] == "L-9")
    }

    @Test func aTakenIDIsAdoptedWithAPatchAndGoneEventsNeedNoDelete() throws {
        let calendar = ScriptedCalendar()
        let target = GoogleCalendarTarget(service: calendar, routing: CalendarRouting(defaultCalendar: "office@example.com"), zone: zone)
        var plan = CalendarPlan(target: target.label)
        plan.creates = [SyncedEvent(event: event("L-1"), sequence: 0, revisedAt: start)]
        let old = SyncedEvent(event: event("L-2"), sequence: 0, revisedAt: start)
        plan.cancels = [.init(old: old, new: SyncedEvent(event: event("L-2", cancelled: true), sequence: 1, revisedAt: start))]
        let insertPath = "/calendar/v3/calendars/office%40example.com/events"
        calendar.answers["POST \(insertPath)"] = 409
        calendar.answers["DELETE \(insertPath)/\(CalendarEventResource.eventID(uid: old.uid))"] = 410
        try target.apply(plan)
        #expect(calendar.calls.count == 2)
        #expect(calendar.calls[1].map(\.method) == ["PATCH"])
        #expect(calendar.calls[1][0].path.hasSuffix(CalendarEventResource.eventID(uid: plan.creates[0].uid)))
        #expect(calendar.calls[1][0].body?["status"] == "confirmed")
    }

    @Test func anOwnerOnAnotherCalendarMovesTheEvent() throws {
        let calendar = ScriptedCalendar()
        let routing = CalendarRouting(defaultCalendar: "office", byOwner: ["On-call tech": "oncall"])
        let target = GoogleCalendarTarget(service: calendar, routing: routing, zone: zone)
        var plan = CalendarPlan(target: target.label)
        let old = SyncedEvent(event: event("L-1"), sequence: 0, revisedAt: start)
        plan.updates = [.init(old: old, new: SyncedEvent(event: event("L-1", owner: "On-call tech"), sequence: 1, revisedAt: start))]
        try target.apply(plan)
        #expect(calendar.calls[0].map { "\($0.method) \($0.path.split(separator: "/")[3])" } == ["DELETE office", "POST oncall"])
    }

    @Test func refusedWritesFailTheRunNamingTheEvent() {
        let calendar = ScriptedCalendar()
        let target = GoogleCalendarTarget(service: calendar, routing: CalendarRouting(defaultCalendar: "office"), zone: zone)
        var plan = CalendarPlan(target: target.label)
        plan.creates = [SyncedEvent(event: event("L-1"), sequence: 0, revisedAt: start)]
        calendar.answers["POST /calendar/v3/calendars/office/events"] = 403
        #expect {
            try target.apply(plan)
        } throws: { error in
            "\(error)".contains("1 of 1 calendar writes failed") && "\(error)".contains("L-1-callback@ringback")
        }
    }
}
