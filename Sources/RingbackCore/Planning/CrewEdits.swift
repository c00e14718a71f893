import Foundation

/// What the crew did to Ringback's events since the last run, from a calendar read back whole: the
/// remembered events compared with those found. Deleted and cancelled events are recorded as removed
/// by the crew (never put back); moved ones carry the crew's times.
public struct CrewEdits: Sendable {
    public enum Edit: Sendable, Hashable {
        /// Removed (`.removed` or `.cancelled`), with the event to record in its place.
        case removed(CalendarPlan.CrewChange.Kind, SyncedEvent)
        case moved(DateInterval)
    }

    public var edits: [String: Edit] = [:]

    public init() {}

    public init(base: [String: SyncedEvent], found: [String: FoundEvent]) {
        for (uid, old) in base where old.isLive {
            guard let now = found[uid] else {
                var removed = old
                removed.removedByCrew = true
                edits[uid] = .removed(.removed, removed)
                continue
            }
            if now.event.cancelled {
                var cancelled = old
                cancelled.event.cancelled = true
                cancelled.removedByCrew = true
                cancelled.sequence = max(old.sequence, now.sequence)
                edits[uid] = .removed(.cancelled, cancelled)
            } else if !Self.sameSecond(now.event.start, old.shown.start) || !Self.sameSecond(now.event.end, old.shown.end) {
                edits[uid] = .moved(DateInterval(start: now.event.start, end: max(now.event.end, now.event.start)))
            }
        }
    }

    /// Leads whose job the crew moved (to the new start) or removed (nil): the Appointment follows.
    public func appointments(base: [String: SyncedEvent]) -> [String: Date?] {
        var out: [String: Date?] = [:]
        for (uid, edit) in edits {
            guard let old = base[uid], old.event.kind == .job else { continue }
            switch edit {
            case .moved(let times): out[old.event.leadID] = .some(times.start)
            case .removed: out[old.event.leadID] = .some(nil)
            }
        }
        return out
    }

    /// Calendars keep whole seconds.
    static func sameSecond(_ a: Date, _ b: Date) -> Bool {
        Int64(a.timeIntervalSince1970.rounded(.down)) == Int64(b.timeIntervalSince1970.rounded(.down))
    }
}
