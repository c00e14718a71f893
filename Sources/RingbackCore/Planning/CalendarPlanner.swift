import Foundation

/// Compares the events Ringback wants with those last written: new ones are created, changed ones
/// get SEQUENCE + 1, ones no longer wanted are cancelled (kept as cancelled, never dropped).
/// Events the target already holds but the state does not (a run killed before it committed) are adopted.
/// For a calendar read back (`readsBack`), what the crew did since is followed first (`CrewEdits`):
/// an event the crew deleted or cancelled is not put back, one it moved stays where it put it.
public struct CalendarPlanner: Sendable {
    public init() {}

    public func plan(
        target: String, desired: [CalendarEvent], base: [String: SyncedEvent], found: [String: FoundEvent] = [:],
        readsBack: Bool = false, now: Date
    ) -> CalendarPlan {
        var plan = CalendarPlan(target: target)
        var wanted = Set<String>()
        let crew = readsBack ? CrewEdits(base: base, found: found) : CrewEdits()
        for event in desired {
            wanted.insert(event.uid)
            guard var old = base[event.uid] else {
                adoptOrCreate(event, found: found[event.uid], now: now, into: &plan)
                continue
            }
            // The crew moved it to another calendar target, which manages it now.
            if old.movedTo != nil { continue }
            if let edit = crew.edits[event.uid] {
                switch edit {
                case .removed(let kind, let recorded):
                    plan.crewChanges.append(.init(kind: kind, event: recorded))
                    continue
                case .moved(let times):
                    old.crewTimes = times
                }
            }
            if old.removedByCrew {
                // A callback the crew removed stays removed; a job comes back only at a new time.
                guard event.kind == .job, event.start != old.event.start else { continue }
                old.event.cancelled = true
            }
            var pinned: DateInterval?
            if let times = old.crewTimes {
                // Ringback's wish unchanged, or now the crew's (a job whose appointment followed the move).
                if event.start == old.event.start && event.end == old.event.end || CrewEdits.sameSecond(event.start, times.start) {
                    pinned = times
                } else {
                    plan.crewChanges.append(.init(kind: .overruled, event: old, crewTimes: times))
                }
            }
            let next = SyncedEvent(event: event, sequence: old.sequence, revisedAt: old.revisedAt, crewTimes: pinned)
            if old.shown.fingerprint != next.shown.fingerprint {
                var revised = next
                revised.sequence += 1
                revised.revisedAt = now
                plan.updates.append(.init(old: old, new: revised))
            } else if next != base[event.uid] {
                plan.crewChanges.append(.init(kind: .moved, event: next, crewTimes: pinned))
            }
        }
        cancelUnwanted(base: base, found: found, wanted: wanted, crew: crew, now: now, into: &plan)
        plan.creates.sort { $0.uid < $1.uid }
        plan.updates.sort { $0.new.uid < $1.new.uid }
        plan.cancels.sort { $0.new.uid < $1.new.uid }
        plan.crewChanges.sort { $0.uid < $1.uid }
        return plan
    }

    /// An event the state does not know: adopted when the target already holds it, else created.
    private func adoptOrCreate(_ event: CalendarEvent, found existing: FoundEvent?, now: Date, into plan: inout CalendarPlan) {
        guard let existing else {
            plan.creates.append(SyncedEvent(event: event, sequence: 0, revisedAt: now))
            return
        }
        if existing.fingerprint == event.fingerprint {
            plan.adopted.append(SyncedEvent(event: event, sequence: existing.sequence, revisedAt: existing.stampedAt))
        } else {
            let previous = SyncedEvent(event: existing.event, sequence: existing.sequence, revisedAt: existing.stampedAt)
            plan.updates.append(.init(old: previous, new: SyncedEvent(event: event, sequence: existing.sequence + 1, revisedAt: now)))
        }
    }

    private func cancelUnwanted(
        base: [String: SyncedEvent], found: [String: FoundEvent], wanted: Set<String>, crew: CrewEdits, now: Date,
        into plan: inout CalendarPlan
    ) {
        for (uid, old) in base where !wanted.contains(uid) && old.isLive {
            if case .removed(let kind, let recorded) = crew.edits[uid] {
                plan.crewChanges.append(.init(kind: kind, event: recorded))
                continue
            }
            var cancelled = old.event
            cancelled.cancelled = true
            var next = SyncedEvent(event: cancelled, sequence: old.sequence + 1, revisedAt: now, crewTimes: old.crewTimes)
            if case .moved(let times) = crew.edits[uid] { next.crewTimes = times }
            plan.cancels.append(.init(old: old, new: next))
        }
        // An event an interrupted run wrote for a lead that no longer wants it: cancelled, not dropped.
        for (uid, existing) in found where base[uid] == nil && !wanted.contains(uid) && !existing.event.cancelled {
            let old = SyncedEvent(event: existing.event, sequence: existing.sequence, revisedAt: existing.stampedAt)
            var cancelled = existing.event
            cancelled.cancelled = true
            plan.cancels.append(.init(old: old, new: SyncedEvent(event: cancelled, sequence: existing.sequence + 1, revisedAt: now)))
        }
    }
}
