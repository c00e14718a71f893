import RingbackCore

/// The ICS file as opened for one run: rewritten whole on apply; its events are read back so an
/// interrupted run's events are adopted rather than duplicated, and what the crew changed is followed.
struct ICSOpenCalendar: OpenCalendar {
    let target: ICSCalendarTarget
    let remembered: [String: SyncedEvent]
    let found: [String: FoundEvent]

    /// The file as re-read is the calendar as it is; a missing file is rebuilt, not read as deleted.
    let readsBack: Bool

    var needsWrite: Bool { !target.exists }

    func apply(_ plan: CalendarPlan) throws -> CalendarWriteResult {
        try target.apply(plan, base: remembered)
        return .complete
    }
}

extension ICSCalendarTarget: CalendarTarget {
    /// Releases before relative labels knew the calendar by its absolute path.
    package var formerLabels: [String] { label == path ? [] : [path] }

    package func open(remembered: [String: SyncedEvent]) throws -> any OpenCalendar {
        ICSOpenCalendar(target: self, remembered: remembered, found: try load(), readsBack: exists)
    }
}
