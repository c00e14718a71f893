/// Everything remembered about one target (a sheet or a calendar) from the last successful run.
public struct TargetState: Sendable, Hashable {
    public var rows: [String: SyncedRow]
    public var events: [String: SyncedEvent]

    public init(rows: [String: SyncedRow] = [:], events: [String: SyncedEvent] = [:]) {
        self.rows = rows
        self.events = events
    }

    public static let empty = TargetState()
}
