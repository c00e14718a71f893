import RingbackCore

/// The `booking:` section as read: the core's rules, and where each crew's calendar is read from.
package struct BookingSettings: Sendable {
    /// Where a crew's calendar comes from.
    package enum CalendarSource: Sendable, Hashable, CustomStringConvertible {
        /// An `.ics` file: exported, or a subscription saved to disk.
        case ics(path: String)
        /// A Google calendar id, read with `freeBusy.query` and `events.list`.
        case google(calendarID: String)

        package var description: String {
            switch self {
            case .ics(let path): path
            case .google(let id): "Google calendar \(id) (free/busy)"
            }
        }
    }

    package var rules: BookingRules
    /// Crew name → its calendar, in config order.
    package var calendars: [(crew: String, source: CalendarSource)]

    package var usesGoogle: Bool {
        calendars.contains { if case .google = $0.source { true } else { false } }
    }
}
