import Foundation

/// One calendar event as last written, with its revision number.
public struct SyncedEvent: Codable, Sendable, Hashable {
    public var event: CalendarEvent
    /// RFC 5545 SEQUENCE: raised on every significant change.
    public var sequence: Int
    /// When this revision was made: the event's DTSTAMP.
    public var revisedAt: Date

    public init(event: CalendarEvent, sequence: Int, revisedAt: Date) {
        self.event = event
        self.sequence = sequence
        self.revisedAt = revisedAt
    }

    public var uid: String { event.uid }
}
