import Foundation

/// What the crew calendars hold this run: busy spans per crew, the events themselves, and what could not be read.
public struct CrewAvailability: Sendable, Hashable {
    /// Busy spans by crew name; a crew missing here was not read (see `unreadable`).
    public var busy: [String: [BusyInterval]]
    public var jobs: [CrewJobEvent]
    /// Crew name → why its calendar could not be read: no window is offered from it.
    public var unreadable: [String: String]
    /// Events that were skipped (a time or a rule that cannot be read), for the sheet's notes.
    public var problems: [String]
    /// A source of jobs failed this run (a bookings source, its kept jobs): a job missing from what was
    /// read is not taken as removed.
    public var jobsIncomplete = false
    /// The end of the span the crew calendars were read over: a job beyond it is not seen, not removed.
    public var readUntil: Date?

    public init(busy: [String: [BusyInterval]] = [:], jobs: [CrewJobEvent] = [], unreadable: [String: String] = [:], problems: [String] = []) {
        self.busy = busy
        self.jobs = jobs
        self.unreadable = unreadable
        self.problems = problems
    }
}
