import RingbackCore

/// Google calendars as opened for one run: nothing is read; inserts that find their id taken adopt the
/// event instead. Events Google refused while the rest went through are handed back for the next run.
struct GoogleOpenCalendar: OpenCalendar {
    let target: GoogleCalendarTarget

    var found: [String: FoundEvent] { [:] }
    var needsWrite: Bool { false }

    func apply(_ plan: CalendarPlan) throws -> CalendarWriteResult {
        do {
            try target.apply(plan)
            return .complete
        } catch  where !error.failedEvents.isEmpty {
            return CalendarWriteResult(refusedUIDs: error.failedEvents, refusal: error)
        }
    }
}

extension GoogleCalendarTarget: CalendarTarget {
    package func open(remembered: [String: SyncedEvent]) throws -> any OpenCalendar {
        GoogleOpenCalendar(target: self)
    }
}
