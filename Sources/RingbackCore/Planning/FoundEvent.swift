import Foundation

/// An event as a calendar target holds it right now, reduced to what the planner compares.
public struct FoundEvent: Sendable, Hashable {
    public var uid: String
    public var sequence: Int
    /// `CalendarEvent.fingerprint` of the event as found.
    public var fingerprint: String
    public var stampedAt: Date

    public init(uid: String, sequence: Int, fingerprint: String, stampedAt: Date) {
        self.uid = uid
        self.sequence = sequence
        self.fingerprint = fingerprint
        self.stampedAt = stampedAt
    }
}
