import Foundation

/// A calendar the crew reads (an ICS file, Google Calendar, a CalDAV calendar). Opened once before
/// planning; the plan's creates, updates and cancels are applied to what was opened.
public protocol CalendarTarget: Sendable {
    /// Names the target in the plan and keys its remembered state.
    var label: String { get }
    func open(remembered: [String: SyncedEvent]) throws -> any OpenCalendar
    /// Opens with what the last run kept of the calendar's read state (sync token, entity tags), for
    /// targets that read only what changed; others ignore it.
    func open(remembered: [String: SyncedEvent], readState: CalendarReadState) throws -> any OpenCalendar
    /// Labels this target's state may have been recorded under by an earlier release.
    var formerLabels: [String] { get }
    /// True for a target that can leave frozen leads' events unread when told their UIDs (a file that
    /// keeps them); the run then looks them up and opens with `frozenUIDs`.
    var setsFrozenEventsApart: Bool { get }
    /// Opens leaving the events with these UIDs (frozen leads') out of `found` and as they are.
    func open(remembered: [String: SyncedEvent], readState: CalendarReadState, frozenUIDs: Set<String>) throws -> any OpenCalendar
}

extension CalendarTarget {
    public var formerLabels: [String] { [] }
    public var setsFrozenEventsApart: Bool { false }

    public func open(remembered: [String: SyncedEvent], readState: CalendarReadState, frozenUIDs: Set<String>) throws -> any OpenCalendar {
        try open(remembered: remembered, readState: readState)
    }

    public func open(remembered: [String: SyncedEvent], readState: CalendarReadState) throws -> any OpenCalendar {
        try open(remembered: remembered)
    }
}

/// A calendar as read this run.
public protocol OpenCalendar: Sendable {
    /// Events the target holds that the planner may adopt (empty where the target adopts on write).
    var found: [String: FoundEvent] { get }
    /// True when `found` is everything the calendar holds of Ringback's events, so an event missing
    /// from it was removed by the crew (and a changed one edited by the crew).
    var readsBack: Bool { get }
    /// The read state after reading (a new sync token, tags of changed events), to record with the run.
    var readState: CalendarReadState? { get }
    var needsWrite: Bool { get }
    /// Writes the plan. Events the target refused while the rest was written are returned with the
    /// reason, so the run records the rest and leaves those for the next run.
    func apply(_ plan: CalendarPlan) throws -> CalendarWriteResult
}

extension OpenCalendar {
    public var readsBack: Bool { false }
    public var readState: CalendarReadState? { nil }
}

/// What a calendar write left undone.
public struct CalendarWriteResult: Sendable {
    public var refusedUIDs: Set<String>
    public var refusal: (any Error & Sendable)?
    /// Events the crew changed between this run's read and its write (HTTP 412): not written, not
    /// recorded, so the next run reads the crew's version and plans again. Not an error.
    public var conflicts: Set<String>
    /// The read state after the writes (new entity tags); nil keeps the one read at open.
    public var readState: CalendarReadState?

    public init(
        refusedUIDs: Set<String> = [], refusal: (any Error & Sendable)? = nil, conflicts: Set<String> = [],
        readState: CalendarReadState? = nil
    ) {
        self.refusedUIDs = refusedUIDs
        self.refusal = refusal
        self.conflicts = conflicts
        self.readState = readState
    }

    public static let complete = CalendarWriteResult()
}
