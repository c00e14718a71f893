import Foundation

/// An event as a calendar target holds it right now, so the planner can adopt it or cancel it.
public struct FoundEvent: Sendable, Hashable {
    public var event: CalendarEvent
    public var sequence: Int
    public var stampedAt: Date

    public init(event: CalendarEvent, sequence: Int, stampedAt: Date) {
        self.event = event
        self.sequence = sequence
        self.stampedAt = stampedAt
    }

    public var uid: String { event.uid }
    /// `CalendarEvent.fingerprint` of the event as found.
    public var fingerprint: String { event.fingerprint }
}
