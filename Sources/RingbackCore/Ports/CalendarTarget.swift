import Foundation

/// A calendar the crew reads (an ICS file, Google Calendar). Opened once before planning; the plan's
/// creates, updates and cancels are applied to what was opened.
public protocol CalendarTarget: Sendable {
    /// Names the target in the plan and keys its remembered state.
    var label: String { get }
    func open(remembered: [String: SyncedEvent]) throws -> any OpenCalendar
    /// Labels this target's state may have been recorded under by an earlier release.
    var formerLabels: [String] { get }
}

extension CalendarTarget {
    public var formerLabels: [String] { [] }
}

/// A calendar as read this run.
public protocol OpenCalendar: Sendable {
    /// Events the target holds that the planner may adopt (empty where the target adopts on write).
    var found: [String: FoundEvent] { get }
    var needsWrite: Bool { get }
    /// Writes the plan. Events the target refused while the rest was written are returned with the
    /// reason, so the run records the rest and leaves those for the next run.
    func apply(_ plan: CalendarPlan) throws -> CalendarWriteResult
}

/// What a calendar write left undone.
public struct CalendarWriteResult: Sendable {
    public var refusedUIDs: Set<String>
    public var refusal: (any Error & Sendable)?

    public init(refusedUIDs: Set<String> = [], refusal: (any Error & Sendable)? = nil) {
        self.refusedUIDs = refusedUIDs
        self.refusal = refusal
    }

    public static let complete = CalendarWriteResult()
}
