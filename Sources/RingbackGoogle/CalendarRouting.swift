/// Which Google calendar each owner's events go to: the crew's own calendars where the config names them,
/// the shared calendar otherwise.
package struct CalendarRouting: Sendable, Hashable {
    package var defaultCalendar: String
    package var byOwner: [String: String]

    package init(defaultCalendar: String, byOwner: [String: String] = [:]) {
        self.defaultCalendar = defaultCalendar
        self.byOwner = byOwner
    }

    package func calendar(for owner: String) -> String {
        byOwner[owner] ?? defaultCalendar
    }
}
