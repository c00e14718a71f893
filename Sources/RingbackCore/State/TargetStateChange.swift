/// The rows and events a run changes in one target's remembered state; committed atomically.
public struct TargetStateChange: Sendable, Hashable {
    public var upsertRows: [SyncedRow]
    public var upsertEvents: [SyncedEvent]

    public init(upsertRows: [SyncedRow] = [], upsertEvents: [SyncedEvent] = []) {
        self.upsertRows = upsertRows
        self.upsertEvents = upsertEvents
    }

    public var isEmpty: Bool { upsertRows.isEmpty && upsertEvents.isEmpty }
}
