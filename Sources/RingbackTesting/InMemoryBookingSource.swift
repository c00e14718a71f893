import Foundation
import RingbackCore

/// A field-service tool held in memory: jobs and rejects set by a test, each pull bringing the jobs kept
/// by the last applied run plus those added since, the way a real bookings source reads from its watermark.
package final class InMemoryBookingSource: BookingSource, @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [CrewJobEvent] = []
    private var pendingRejects: [RecordReject] = []
    private var kept: [CrewJobEvent] = []
    /// A failure the next pull reports instead of its new jobs.
    package var failure: (any SourceFailure)?
    package private(set) var pulls = 0

    package let name: String

    package init(name: String) {
        self.name = name
    }

    package func add(_ job: CrewJobEvent) { lock.withLock { pending.append(job) } }
    package func addReject(_ reject: RecordReject) { lock.withLock { pendingRejects.append(reject) } }

    package func pull(_ state: any SourceStateReading, now: Date) throws -> BookingPull {
        lock.withLock {
            pulls += 1
            var pull = BookingPull(source: name)
            if let failure {
                pull.failure = failure
                pull.jobs = kept
                return pull
            }
            var byReference = Dictionary(kept.map { ($0.reference, $0) }, uniquingKeysWith: { _, later in later })
            for job in pending { byReference[job.reference] = job }
            pull.jobs = byReference.values.sorted { ($0.start, $0.reference) < ($1.start, $1.reference) }
            pull.newJobs = pending.count
            pull.records = pending.count + pendingRejects.count
            pull.rejects = pendingRejects
            pull.watermark = pending.isEmpty ? nil : now
            return pull
        }
    }

    package func remember(_ pull: BookingPull) throws {
        lock.withLock {
            guard pull.failure == nil else { return }
            kept = pull.jobs
            pending.removeAll()
            pendingRejects.removeAll()
        }
    }
}
