import RingbackCore

/// The ICS file as opened for one run: rewritten whole on apply; its events are read back so an
/// interrupted run's events are adopted rather than duplicated.
struct ICSOpenCalendar: OpenCalendar {
    let target: ICSCalendarTarget
    let remembered: [String: SyncedEvent]
    let found: [String: FoundEvent]

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
        ICSOpenCalendar(target: self, remembered: remembered, found: try load())
    }
}
