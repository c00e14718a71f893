import Foundation

/// Compares the events Ringback wants with those last written: new ones are created, changed ones
/// get SEQUENCE + 1, ones no longer wanted are cancelled (kept as cancelled, never dropped).
/// Events the target already holds but the state does not (a run killed before it committed) are adopted.
public struct CalendarPlanner: Sendable {
    public init() {}

    public func plan(
        target: String, desired: [CalendarEvent], base: [String: SyncedEvent], found: [String: FoundEvent] = [:], now: Date
    ) -> CalendarPlan {
        var plan = CalendarPlan(target: target)
        var wanted = Set<String>()
        for event in desired {
            wanted.insert(event.uid)
            guard let old = base[event.uid] else {
                if let existing = found[event.uid] {
                    if existing.fingerprint == event.fingerprint {
                        plan.adopted.append(SyncedEvent(event: event, sequence: existing.sequence, revisedAt: existing.stampedAt))
                    } else {
                        let previous = SyncedEvent(event: event, sequence: existing.sequence, revisedAt: existing.stampedAt)
                        plan.updates.append(.init(old: previous, new: SyncedEvent(event: event, sequence: existing.sequence + 1, revisedAt: now)))
                    }
                    continue
                }
                plan.creates.append(SyncedEvent(event: event, sequence: 0, revisedAt: now))
                continue
            }
            if old.event.fingerprint != event.fingerprint {
                plan.updates.append(.init(old: old, new: SyncedEvent(event: event, sequence: old.sequence + 1, revisedAt: now)))
            }
        }
        for (uid, old) in base where !wanted.contains(uid) && !old.event.cancelled {
            var cancelled = old.event
            cancelled.cancelled = true
            plan.cancels.append(.init(old: old, new: SyncedEvent(event: cancelled, sequence: old.sequence + 1, revisedAt: now)))
        }
        // An event an interrupted run wrote for a lead that no longer wants it: cancelled, not dropped.
        for (uid, existing) in found where base[uid] == nil && !wanted.contains(uid) && !existing.event.cancelled {
            let old = SyncedEvent(event: existing.event, sequence: existing.sequence, revisedAt: existing.stampedAt)
            var cancelled = existing.event
            cancelled.cancelled = true
            plan.cancels.append(.init(old: old, new: SyncedEvent(event: cancelled, sequence: existing.sequence + 1, revisedAt: now)))
        }
        plan.creates.sort { $0.uid < $1.uid }
        plan.updates.sort { $0.new.uid < $1.new.uid }
        plan.cancels.sort { $0.new.uid < $1.new.uid }
        return plan
    }
}
