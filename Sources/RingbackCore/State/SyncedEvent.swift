import Foundation

/// One calendar event as last written, with its revision number.
public struct SyncedEvent: Codable, Sendable, Hashable {
    public var event: CalendarEvent
    /// RFC 5545 SEQUENCE: raised on every significant change.
    public var sequence: Int
    /// When this revision was made: the event's DTSTAMP.
    public var revisedAt: Date
    /// The crew removed or cancelled it in a calendar Ringback reads back; it is not re-created.
    public var removedByCrew: Bool
    /// The times the crew moved it to; kept over Ringback's own until Ringback's wish changes.
    public var crewTimes: DateInterval?

    public init(event: CalendarEvent, sequence: Int, revisedAt: Date, removedByCrew: Bool = false, crewTimes: DateInterval? = nil) {
        self.event = event
        self.sequence = sequence
        self.revisedAt = revisedAt
        self.removedByCrew = removedByCrew
        self.crewTimes = crewTimes
    }

    public var uid: String { event.uid }

    /// The event as the calendar holds it: Ringback's, at the crew's times where the crew moved it.
    public var shown: CalendarEvent {
        guard let crewTimes else { return event }
        var shown = event
        shown.start = crewTimes.start
        shown.end = crewTimes.end
        return shown
    }
}
