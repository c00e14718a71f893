import RingbackCore

/// A calendar target as one run uses it: the ICS file and Google Calendar both plug in here.
protocol CalendarTargetDriver: Sendable {
    var label: String { get }
    /// The events as the last committed run left them.
    var base: [String: SyncedEvent] { get }
    /// Events the target holds that the planner may adopt (empty where the target adopts on write).
    var found: [String: FoundEvent] { get }
    var needsWrite: Bool { get }
    func apply(_ plan: CalendarPlan) throws
}
