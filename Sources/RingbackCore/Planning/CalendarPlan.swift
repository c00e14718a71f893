import Foundation

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

    /// What the crew did to one of Ringback's events in a calendar read back, and what Ringback made of it.
    public struct CrewChange: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// Deleted from the calendar: not re-created.
            case removed
            /// Set to cancelled: left so, not restored.
            case cancelled
            /// Moved to other times: kept there.
            case moved
            /// Moved, but the office (or the rules) since wanted other times, which win.
            case overruled
            /// Moved to another calendar target (`SyncedEvent.movedTo`): followed there, not re-created here.
            case movedAway
        }

        public var kind: Kind
        public var event: SyncedEvent
        /// The times the crew set (moved and overruled).
        public var crewTimes: DateInterval?

        public init(kind: Kind, event: SyncedEvent, crewTimes: DateInterval? = nil) {
            self.kind = kind
            self.event = event
            self.crewTimes = crewTimes
        }

        public var uid: String { event.uid }
    }

    public var target: String
    public var creates: [SyncedEvent] = []
    public var updates: [Revision] = []
    public var cancels: [Revision] = []
    /// Events found in the target that the state had lost; recorded, not rewritten.
    public var adopted: [SyncedEvent] = []
    /// What the crew changed since the last run (targets that read back only); recorded, reported.
    public var crewChanges: [CrewChange] = []
    /// Events the crew moved here from another calendar target, as last written there: recorded, and
    /// managed here from now on.
    public var arrived: [SyncedEvent] = []

    public init(target: String) {
        self.target = target
    }

    /// No event to write (adopted ones and crew changes only touch the state).
    public var isEmpty: Bool { creates.isEmpty && updates.isEmpty && cancels.isEmpty }

    public var stateChange: TargetStateChange {
        let written = Set((creates + updates.map(\.new) + cancels.map(\.new)).map(\.uid))
        let crew = crewChanges.filter { !written.contains($0.uid) }.map(\.event)
        let recorded = written.union(crew.map(\.uid))
        let arrivals = arrived.filter { !recorded.contains($0.uid) }
        return TargetStateChange(upsertEvents: adopted + arrivals + crew + creates + updates.map(\.new) + cancels.map(\.new))
    }

    /// Every event the target should hold after applying, cancelled ones included.
    public func resultingEvents(base: [String: SyncedEvent]) -> [SyncedEvent] {
        var all = base
        for event in stateChange.upsertEvents { all[event.uid] = event }
        return all.values.sorted { ($0.event.start, $0.uid) < ($1.event.start, $1.uid) }
    }
}
