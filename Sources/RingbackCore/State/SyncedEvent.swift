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
    /// The calendar target the crew moved it to (the label): that target manages it now, this one
    /// neither writes it again nor takes it as deleted.
    public var movedTo: String?

    public init(
        event: CalendarEvent, sequence: Int, revisedAt: Date, removedByCrew: Bool = false, crewTimes: DateInterval? = nil,
        movedTo: String? = nil
    ) {
        self.event = event
        self.sequence = sequence
        self.revisedAt = revisedAt
        self.removedByCrew = removedByCrew
        self.crewTimes = crewTimes
        self.movedTo = movedTo
    }

    /// In the calendar as Ringback last left it: neither cancelled, removed by the crew nor moved away.
    public var isLive: Bool { !event.cancelled && !removedByCrew && movedTo == nil }

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
