import RingbackCore

/// The ICS file as opened for one run: rewritten whole on apply; its events are read back so an
/// interrupted run's events are adopted rather than duplicated, and what the crew changed is followed.
struct ICSOpenCalendar: OpenCalendar {
    let target: ICSCalendarTarget
    let remembered: [String: SyncedEvent]
    let found: [String: FoundEvent]
    /// Frozen leads' events as the file held them, written back unchanged.
    var settled: [UInt8] = []

    /// The file as re-read is the calendar as it is; a missing file is rebuilt, not read as deleted.
    let readsBack: Bool

    var needsWrite: Bool { !target.exists || !readsBack }

    /// Rewrites the file when the plan changes something, the file went missing, or it no longer
    /// holds Ringback's events (emptied or replaced) and is written anew.
    func apply(_ plan: CalendarPlan) throws -> CalendarWriteResult {
        guard !plan.isEmpty || needsWrite else { return .complete }
        try AtomicFile.write(target.render(kept(plan.resultingEvents(base: remembered)), settled: settled), to: target.path)
        return .complete
    }

    /// The file keeps every event it holds that neither the plan nor the state speaks of (a frozen
    /// lead's): rewriting it never drops what is there.
    private func kept(_ events: [SyncedEvent]) -> [SyncedEvent] {
        let written = Set(events.map(\.uid))
        let others = found.values.filter { !written.contains($0.event.uid) }
            .map { SyncedEvent(event: $0.event, sequence: $0.sequence, revisedAt: $0.stampedAt) }
        return others.isEmpty ? events : (events + others).sorted { ($0.event.start, $0.uid) < ($1.event.start, $1.uid) }
    }
}

extension ICSCalendarTarget: CalendarTarget {
    /// Releases before relative labels knew the calendar by its absolute path.
    package var formerLabels: [String] { label == path ? [] : [path] }

    package func open(remembered: [String: SyncedEvent]) throws -> any OpenCalendar {
        try open(remembered: remembered, readState: .empty, frozenUIDs: [])
    }

    package var setsFrozenEventsApart: Bool { true }

    package func open(remembered: [String: SyncedEvent], readState: CalendarReadState, frozenUIDs: Set<String>) throws -> any OpenCalendar {
        let contents = try load(settling: frozenUIDs)
        // A file with none of Ringback's events left (emptied, or replaced by another) is rebuilt, not
        // read as the crew deleting everything.
        let emptied = contents.found.isEmpty && contents.settled.isEmpty && remembered.values.contains(where: \.isLive)
        return ICSOpenCalendar(
            target: self, remembered: remembered, found: contents.found, settled: contents.settled, readsBack: exists && !emptied)
    }
}
