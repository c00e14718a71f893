import Foundation

/// The field-service tool the office books jobs in (Jobber, Housecall Pro): a second kind of source,
/// read every run for the jobs it holds. A job naming an open lead's caller books the lead by the same
/// rule as a job on a crew calendar (`CrewBookings`). Like a call source, it reads what is new since its
/// watermark; unlike one, it hands back every job it knows, since a lead stays booked by an old job.
public protocol BookingSource: Sendable {
    /// The source's name in the config; the state keys its watermark by it.
    var name: String { get }
    /// Reads the jobs. A record that cannot be read is a reject, never a thrown error; a source that
    /// stops part-way says so in `failure` and its new jobs are not used.
    func pull(_ state: any SourceStateReading, now: Date) throws -> BookingPull
    /// Keeps the jobs of a pull whose run was applied, for the next run to start from.
    func remember(_ pull: BookingPull) throws
}

/// What one bookings source brought this run.
public struct BookingPull: Sendable {
    public var source: String
    /// Every job the source knows: the ones kept from earlier runs and the ones read now.
    public var jobs: [CrewJobEvent] = []
    /// How many of `jobs` were read this run.
    public var newJobs = 0
    public var records = 0
    public var rejects: [RecordReject] = []
    /// The source's new watermark, when it read to the end and the watermark moved.
    public var watermark: Date?
    public var failure: (any SourceFailure)?

    public init(source: String) {
        self.source = source
    }
}
