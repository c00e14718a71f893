import Foundation
import RingbackCore

/// A calendar held in memory: every event with its revision, cancelled ones kept, as the ICS file keeps
/// them. It reports its events back for adoption, and can refuse chosen events as Google sometimes does.
package final class InMemoryCalendar: CalendarTarget, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String: SyncedEvent] = [:]
    /// UIDs whose next write is refused while the rest go through.
    package var refuse: Set<String> = []
    package private(set) var writes = 0

    package let label: String
    /// Reports its events as the whole calendar (as CalDAV and Google do), so what the crew did is followed.
    package let readsBack: Bool

    package init(label: String = "memory-calendar", readsBack: Bool = false) {
        self.label = label
        self.readsBack = readsBack
    }

    package var events: [String: SyncedEvent] { lock.withLock { stored } }

    /// Removes an event as the crew would, by hand.
    package func delete(_ uid: String) { lock.withLock { stored[uid] = nil } }

    /// Moves an event to another calendar as the crew would in a calendar app (same UID, new times if given).
    package func move(_ uid: String, to other: InMemoryCalendar, times: DateInterval? = nil) {
        guard var event = lock.withLock({ stored.removeValue(forKey: uid) }) else { return }
        if let times { event.crewTimes = times }
        other.lock.withLock { other.stored[uid] = event }
    }

    package func open(remembered: [String: SyncedEvent]) throws -> any OpenCalendar {
        lock.withLock {
            Opened(
                calendar: self, found: stored.mapValues { FoundEvent(event: $0.shown, sequence: $0.sequence, stampedAt: $0.revisedAt) },
                readsBack: readsBack)
        }
    }

    fileprivate func write(_ plan: CalendarPlan) -> CalendarWriteResult {
        lock.withLock {
            let refused = refuse
            refuse = []
            for event in plan.stateChange.upsertEvents where !refused.contains(event.uid) {
                // What the crew removed or moved elsewhere is not in this calendar.
                stored[event.uid] = event.movedTo != nil || (event.removedByCrew && !event.event.cancelled) ? nil : event
            }
            writes += 1
            let undone = Set(plan.stateChange.upsertEvents.map(\.uid)).intersection(refused)
            return undone.isEmpty ? .complete : CalendarWriteResult(refusedUIDs: undone, refusal: Refused(uids: undone))
        }
    }

    /// The error an event refusal reports.
    package struct Refused: Error, Sendable, Hashable {
        package var uids: Set<String>
    }

    private struct Opened: OpenCalendar {
        let calendar: InMemoryCalendar
        let found: [String: FoundEvent]
        let readsBack: Bool
        var needsWrite: Bool { false }
        func apply(_ plan: CalendarPlan) throws -> CalendarWriteResult { calendar.write(plan) }
    }
}
