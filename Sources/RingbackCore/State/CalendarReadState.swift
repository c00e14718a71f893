/// What a calendar target that reads itself back keeps between runs so the next run reads only what
/// changed: the server's sync token, where the calendar was found, and each event's resource and
/// entity tag as last written or read. Kept in the state store, committed with the run.
public struct CalendarReadState: Sendable, Hashable {
    /// One event's resource on the server.
    public struct Resource: Sendable, Hashable {
        /// The resource's path (CalDAV href) or id.
        public var href: String
        /// The entity tag it had when Ringback last wrote or read it; nil when the server gave none.
        public var etag: String?

        public init(href: String, etag: String?) {
            self.href = href
            self.etag = etag
        }
    }

    /// The server's token for "changes since" (RFC 6578 sync-token, Calendar's nextSyncToken).
    public var syncToken: String?
    /// Calendar id → its token, for a target that spans several calendars (Google's `owner_calendars`).
    public var calendarTokens: [String: String]
    /// The calendar's resolved address (after discovery), so later runs skip discovery.
    public var location: String?
    /// False once the server is known not to offer incremental listing.
    public var incremental: Bool
    /// Event UID → resource.
    public var resources: [String: Resource]

    public init(
        syncToken: String? = nil, location: String? = nil, incremental: Bool = true, resources: [String: Resource] = [:],
        calendarTokens: [String: String] = [:]
    ) {
        self.syncToken = syncToken
        self.calendarTokens = calendarTokens
        self.location = location
        self.incremental = incremental
        self.resources = resources
    }

    public static let empty = CalendarReadState()

    /// The calendar as it is after an incremental read: each resource known, as parsed this run, or as
    /// Ringback last wrote it when the listing did not bring it (nothing changed there).
    public func found(parsed: [String: FoundEvent], remembered: [String: SyncedEvent]) -> [String: FoundEvent] {
        var found: [String: FoundEvent] = [:]
        for uid in resources.keys {
            if let event = parsed[uid] {
                found[uid] = event
            } else if let synced = remembered[uid] {
                found[uid] = FoundEvent(event: synced.shown, sequence: synced.sequence, stampedAt: synced.revisedAt)
            }
        }
        return found
    }
}
