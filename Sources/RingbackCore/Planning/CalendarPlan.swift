/// The changes one run makes to one calendar target.
public struct CalendarPlan: Sendable, Hashable {
    /// An event before and after a significant change.
    public struct Revision: Sendable, Hashable {
        public var old: SyncedEvent
        public var new: SyncedEvent

        public init(old: SyncedEvent, new: SyncedEvent) {
            self.old = old
            self.new = new
        }
    }

    public var target: String
    public var creates: [SyncedEvent] = []
    public var updates: [Revision] = []
    public var cancels: [Revision] = []
    /// Events found in the target that the state had lost; recorded, not rewritten.
    public var adopted: [SyncedEvent] = []

    public init(target: String) {
        self.target = target
    }

    /// No event to write (adopted ones only touch the state).
    public var isEmpty: Bool { creates.isEmpty && updates.isEmpty && cancels.isEmpty }

    public var stateChange: TargetStateChange {
        TargetStateChange(upsertEvents: adopted + creates + updates.map(\.new) + cancels.map(\.new))
    }

    /// Every event the target should hold after applying, cancelled ones included.
    public func resultingEvents(base: [String: SyncedEvent]) -> [SyncedEvent] {
        var all = base
        for event in stateChange.upsertEvents { all[event.uid] = event }
        return all.values.sorted { ($0.event.start, $0.uid) < ($1.event.start, $1.uid) }
    }
}
