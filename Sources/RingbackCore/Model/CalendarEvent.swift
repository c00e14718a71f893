import Foundation

/// A calendar entry as Ringback wants it to be; targets render it as ICS or a Calendar API event.
public struct CalendarEvent: Codable, Sendable, Hashable {
    /// Stable across runs: derived from the Lead ID and the kind.
    public var uid: String
    public var leadID: String
    public var kind: EventKind
    public var title: String
    public var details: String
    public var location: String
    public var start: Date
    public var end: Date
    public var owner: String
    public var cancelled: Bool

    public init(
        uid: String, leadID: String, kind: EventKind, title: String, details: String,
        location: String, start: Date, end: Date, owner: String, cancelled: Bool = false
    ) {
        self.uid = uid
        self.leadID = leadID
        self.kind = kind
        self.title = title
        self.details = details
        self.location = location
        self.start = start
        self.end = end
        self.owner = owner
        self.cancelled = cancelled
    }

    /// The fields whose change is a significant revision (RFC 5545 SEQUENCE).
    public var fingerprint: String {
        let parts = [
            title, details, location, owner,
            String(Int64(start.timeIntervalSince1970)), String(Int64(end.timeIntervalSince1970)),
            cancelled ? "cancelled" : "confirmed",
        ]
        return StableHash.hex(parts.joined(separator: "\u{1F}"))
    }
}
