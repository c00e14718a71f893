import Foundation
import RingbackCore
import RingbackJSON
import RingbackNormalisation

/// The crew's Google calendars: callback tasks and jobs written through the batch endpoint, and read
/// back each run (`GoogleCalendarReader`: one `events.list` per calendar when nothing changed).
/// Ids are derived from the Lead ID, so a repeated insert (a run that died after writing) answers 409 and the
/// existing event is adopted with a patch; a cancelled event is restored by a patch, never inserted again.
/// An event the crew moved to another of the target's calendars is written where it is now.
package struct GoogleCalendarTarget: Sendable {
    package let service: any CalendarService
    package let routing: CalendarRouting
    package let resource: CalendarEventResource
    /// `maxResults` of each listing page (Google allows up to 2500).
    package var pageSize = 2500

    package init(service: any CalendarService, routing: CalendarRouting, zone: LocalZone) {
        self.service = service
        self.routing = routing
        self.resource = CalendarEventResource(zone: zone)
    }

    package var label: String { "google-calendar:\(routing.defaultCalendar)" }

    /// One write and what to do if Google answers it with a given status.
    struct Step {
        var call: CalendarCall
        var uid: String
        /// The follow-up for a 409 (insert of an id that exists) or a 404 (patch of one that does not).
        var fallback: CalendarCall?
        /// Statuses that mean the goal is already met (deleting an event already gone).
        var alreadyDone: Set<Int> = []
    }

    func path(_ calendar: String, _ uid: String? = nil) -> String {
        CalendarRESTClient.eventsPath(calendarID: calendar, eventID: uid.map(CalendarEventResource.eventID(uid:)))
    }

    /// The calendars Ringback writes to and reads back: the shared one, then the owners' own.
    package var calendars: [String] {
        var seen: Set<String> = [routing.defaultCalendar]
        return [routing.defaultCalendar] + routing.byOwner.values.sorted().filter { seen.insert($0).inserted }
    }

    /// The calls applying the plan makes, before any answer is known. Pure, so tests can read it.
    /// `locations` (UID → calendar id, from the read back) says where the crew left an event; an event
    /// not in it is where its owner's routing puts it.
    func steps(for plan: CalendarPlan, locations: [String: String] = [:]) -> [Step] {
        var steps: [Step] = []
        func location(_ event: CalendarEvent) -> String { locations[event.uid] ?? routing.calendar(for: event.owner) }
        func insert(_ event: CalendarEvent, in calendar: String) -> Step {
            let restore = resource.body(event, withID: false)
            return Step(
                call: CalendarCall(method: "POST", path: path(calendar), body: resource.body(event)), uid: event.uid,
                fallback: CalendarCall(method: "PATCH", path: path(calendar, event.uid), body: restore))
        }
        func patch(_ event: CalendarEvent, in calendar: String) -> Step {
            let body = resource.body(event, withID: false)
            return Step(
                call: CalendarCall(method: "PATCH", path: path(calendar, event.uid), body: body), uid: event.uid,
                fallback: CalendarCall(method: "POST", path: path(calendar), body: resource.body(event)))
        }
        func delete(_ event: CalendarEvent) -> Step {
            Step(call: CalendarCall(method: "DELETE", path: path(location(event), event.uid)), uid: event.uid, alreadyDone: [404, 410])
        }
        for created in plan.creates { steps.append(insert(created.event, in: routing.calendar(for: created.event.owner))) }
        for revision in plan.updates {
            let old = revision.old.event, new = revision.new.event
            let here = location(old)
            // A new owner with another calendar moves the event there; otherwise it stays where it is.
            let goal = routing.calendar(for: old.owner) != routing.calendar(for: new.owner) ? routing.calendar(for: new.owner) : here
            if goal != here {
                if !old.cancelled { steps.append(delete(old)) }
                steps.append(insert(new, in: goal))
            } else if new.cancelled {
                steps.append(delete(old))
            } else {
                steps.append(patch(new, in: here))
            }
        }
        for cancel in plan.cancels { steps.append(delete(cancel.old.event)) }
        return steps
    }

    /// Writes the plan; every event ends as planned or the run fails naming the events Google refused.
    package func apply(_ plan: CalendarPlan, locations: [String: String] = [:]) throws(GoogleTargetError) {
        let steps = steps(for: plan, locations: locations)
        guard !steps.isEmpty else { return }
        var failures: [(String, GoogleAPIError?, Int)] = []
        do {
            let first = try service.batch(steps.map(\.call))
            var followUps: [(Step, CalendarCall)] = []
            for (step, result) in zip(steps, first) where !(200..<300).contains(result.status) {
                if step.alreadyDone.contains(result.status) { continue }
                if let fallback = step.fallback, result.status == (step.call.method == "POST" ? 409 : 404) {
                    followUps.append((step, fallback))
                } else {
                    failures.append((step.uid, result.error, result.status))
                }
            }
            if !followUps.isEmpty {
                let second = try service.batch(followUps.map(\.1))
                for ((step, _), result) in zip(followUps, second) where !(200..<300).contains(result.status) {
                    failures.append((step.uid, result.error, result.status))
                }
            }
        } catch {
            throw GoogleTargetError(target: label, error)
        }
        guard failures.isEmpty else {
            let shown = failures.prefix(3).map { uid, error, status in
                "\(uid): " + (error?.description ?? "HTTP \(status)")
            }.joined(separator: "; ")
            let more = failures.count > 3 ? " (and \(failures.count - 3) more)" : ""
            var error = GoogleTargetError(
                target: label, message: "\(failures.count) of \(steps.count) calendar writes failed: \(shown)\(more)",
                api: failures.first?.1)
            error.failedEvents = Set(failures.map(\.0))
            throw error
        }
    }
}
