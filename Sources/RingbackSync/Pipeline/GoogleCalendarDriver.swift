import RingbackCore
import RingbackGoogle

/// Google calendars: nothing is read; inserts that find their id taken adopt the event instead.
struct GoogleCalendarDriver: CalendarTargetDriver {
    let target: GoogleCalendarTarget
    let base: [String: SyncedEvent]

    var label: String { target.label }
    var found: [String: FoundEvent] { [:] }
    var needsWrite: Bool { false }

    func apply(_ plan: CalendarPlan) throws {
        do {
            try target.apply(plan)
        } catch {
            throw SyncError.google(error)
        }
    }
}
