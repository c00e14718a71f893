/// Which Google calendar each owner's events go to: the crew's own calendars where the config names them,
/// the shared calendar otherwise.
public struct CalendarRouting: Sendable, Hashable {
    public var defaultCalendar: String
    public var byOwner: [String: String]

    public init(defaultCalendar: String, byOwner: [String: String] = [:]) {
        self.defaultCalendar = defaultCalendar
        self.byOwner = byOwner
    }

    public func calendar(for owner: String) -> String {
        byOwner[owner] ?? defaultCalendar
    }
}
