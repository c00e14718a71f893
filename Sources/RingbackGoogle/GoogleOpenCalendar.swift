import RingbackCore

/// Google calendars as opened for one run: Ringback's events read back from each calendar (so what
/// the crew deleted, moved or cancelled is followed), and the plan written where each event is now.
/// Inserts that find their id taken adopt the event instead. Events Google refused while the rest went
/// through are handed back for the next run.
struct GoogleOpenCalendar: OpenCalendar {
    let target: GoogleCalendarTarget
    let found: [String: FoundEvent]
    let readsBack: Bool
    let readState: CalendarReadState?
    /// UID → the calendar the event is in, as last read.
    let locations: [String: String]

    var needsWrite: Bool { false }

    func apply(_ plan: CalendarPlan) throws -> CalendarWriteResult {
        do {
            try target.apply(plan, locations: locations)
            return .complete
        } catch  where !error.failedEvents.isEmpty {
            return CalendarWriteResult(refusedUIDs: error.failedEvents, refusal: error)
        }
    }
}

extension GoogleCalendarTarget: CalendarTarget {
    package func open(remembered: [String: SyncedEvent]) throws -> any OpenCalendar {
        try open(remembered: remembered, readState: .empty)
    }

    /// Reads every calendar of the target back. A calendar Google does not show the account (404) is
    /// not read back this run: nothing is then taken as the crew's doing, and writes go as planned.
    package func open(remembered: [String: SyncedEvent], readState: CalendarReadState) throws -> any OpenCalendar {
        let locations = readState.resources.mapValues(\.href)
        let reader = GoogleCalendarReader(service: service, resource: resource, pageSize: pageSize)
        do {
            let read = try reader.read(calendars: calendars, state: readState, remembered: remembered)
            return GoogleOpenCalendar(
                target: self, found: read.found, readsBack: true, readState: read.state, locations: read.state.resources.mapValues(\.href))
        } catch  where error.kind == .http && error.status == 404 {
            return GoogleOpenCalendar(target: self, found: [:], readsBack: false, readState: nil, locations: locations)
        } catch {
            throw GoogleTargetError(target: label, error)
        }
    }
}
