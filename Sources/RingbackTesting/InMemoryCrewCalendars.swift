import Foundation
import RingbackCore

/// Crew calendars held in memory: busy spans and job events set by a test, read back within the range asked.
package final class InMemoryCrewCalendars: CrewCalendarSource, @unchecked Sendable {
    private let lock = NSLock()
    private var busy: [String: [BusyInterval]]
    private var jobs: [CrewJobEvent] = []
    /// Crews whose calendar reads as unreadable, with the reason.
    package var failing: [String: String] = [:]
    package private(set) var reads: [(from: Date, to: Date)] = []

    package let crews: [String]

    package init(crews: [String]) {
        self.crews = crews
        busy = Dictionary(uniqueKeysWithValues: crews.map { ($0, []) })
    }

    package func addBusy(_ crew: String, from start: Date, to end: Date) {
        lock.withLock { busy[crew, default: []].append(BusyInterval(start: start, end: end)) }
    }

    /// A job a person put on the crew's calendar: busy, and read for the lead it books.
    package func addJob(_ job: CrewJobEvent) {
        lock.withLock {
            jobs.append(job)
            busy[job.crew, default: []].append(BusyInterval(start: job.start, end: job.end))
        }
    }

    /// The crew deleting jobs from their calendar (their busy spans go with them).
    package func removeJobs(where matches: (CrewJobEvent) -> Bool) {
        lock.withLock {
            for job in jobs where matches(job) {
                if let span = busy[job.crew]?.firstIndex(of: BusyInterval(start: job.start, end: job.end)) { busy[job.crew]?.remove(at: span) }
            }
            jobs.removeAll(where: matches)
        }
    }

    /// The crew dragging a job to another time.
    package func moveJobs(where matches: (CrewJobEvent) -> Bool, to start: Date, end: Date) {
        let moved = lock.withLock { jobs.filter(matches) }
        removeJobs(where: matches)
        for var job in moved {
            job.start = start
            job.end = end
            addJob(job)
        }
    }

    package func read(from: Date, to: Date) -> CrewAvailability {
        lock.withLock {
            reads.append((from, to))
            var reading = CrewAvailability()
            for crew in crews {
                if let why = failing[crew] {
                    reading.unreadable[crew] = why
                    continue
                }
                reading.busy[crew] = (busy[crew] ?? []).filter { $0.end > from && $0.start < to }
            }
            reading.jobs = jobs.filter { $0.end > from && $0.start < to && failing[$0.crew] == nil }
            return reading
        }
    }
}
