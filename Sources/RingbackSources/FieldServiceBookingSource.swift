import Foundation
import RingbackCore
import RingbackHTTP
import RingbackJSON

/// Jobs from Jobber or Housecall Pro, read from saved API answers (`files:`) or pulled from the API
/// (`api:`) from the watermark less the overlap: a pull that reached its end moves the watermark to the
/// latest change it saw; one that stopped part-way uses only the jobs kept from earlier runs.
package struct FieldServiceBookingSource: BookingSource {
    package let settings: BookingSourceSettings
    package var progress: (@Sendable (String) -> Void)?
    /// When the run started, for letting old kept jobs go.
    private let clock: @Sendable () -> Date

    package var name: String { settings.name }

    package init(settings: BookingSourceSettings, progress: (@Sendable (String) -> Void)? = nil, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.progress = progress
        self.clock = clock
    }

    package func pull(_ state: any SourceStateReading, now: Date) throws -> BookingPull {
        var pull = BookingPull(source: name)
        let file = BookedJobsFile(path: settings.jobsFile)
        let kept: [CrewJobEvent]
        do throws(BookingPullFailure) {
            kept = try file.read(crew: name)
        } catch {
            pull.failure = error
            return pull
        }
        pull.jobs = kept
        let reader = BookingRecordReader(system: settings.system)
        let read: [CrewJobEvent]
        switch settings.input {
        case .files(let patterns):
            read = readFiles(patterns, reader: reader, into: &pull)
        case .api(let api):
            // Without the kept jobs (a first run, or a file deleted), the watermark would skip jobs read before.
            let kept = FileManager.default.fileExists(atPath: settings.jobsFile)
            guard let fetched = try readAPI(api, state: kept ? state : nil, now: now, reader: reader, into: &pull) else { return pull }
            read = fetched
        }
        pull.newJobs = read.count
        pull.jobs = BookedJobsFile.merged(kept, read)
        return pull
    }

    /// Saved API answers, one JSON page per file; a file that is not one is a reject.
    private func readFiles(_ patterns: [String], reader: BookingRecordReader, into pull: inout BookingPull) -> [CrewJobEvent] {
        var read: [CrewJobEvent] = []
        for path in patterns.flatMap(FileGlob.expand) {
            guard let data = FileManager.default.contents(atPath: path), let page = try? JSONValue.parse([UInt8](data)) else {
                pull.rejects.append(RecordReject(file: path, location: "1", reason: "not a JSON file of \(settings.system.displayName) jobs"))
                continue
            }
            let result = reader.read(page, file: path)
            pull.records += result.records
            pull.rejects += result.rejects
            read += result.jobs.map { $0.event(crew: name) }
        }
        return read
    }

    /// The jobs changed since the watermark (less the overlap), page by page; nil when a page failed
    /// (the failure is in `pull`, the watermark does not move).
    private func readAPI(
        _ api: BookingSourceSettings.API, state: (any SourceStateReading)?, now: Date, reader: BookingRecordReader, into pull: inout BookingPull
    ) throws -> [CrewJobEvent]? {
        var read: [CrewJobEvent] = []
        let stored = try state?.watermark(source: name)
        let since =
            stored.map { $0.addingTimeInterval(-api.overlap) } ?? api.startAt ?? now.addingTimeInterval(-BookingSourceSettings.defaultHistory)
        let name = self.name
        let progress = self.progress
        var onRetry: (@Sendable (String) -> Void)?
        if let progress { onRetry = { message in progress("\(name): \(message)") } }
        let client = HTTPClient(policy: api.retry, onRetry: onRetry)
        var latest: Date?
        do throws(BookingPullFailure) {
            try BookingPager(source: name, system: settings.system, api: api, client: client).pull(since: since) { number, page, shown in
                progress?("\(name): page \(number)")
                let result = reader.read(page, file: shown)
                pull.records += result.records
                pull.rejects += result.rejects.map { reject in
                    var shownReject = reject
                    shownReject.raw = api.redact(reject.raw)
                    return shownReject
                }
                // A job unchanged since before the window is known already (or was never a booking of these leads).
                read += result.jobs.filter { job in job.updatedAt.map { $0 >= since } ?? true }.map { $0.event(crew: name) }
                if let updated = result.latestUpdate, latest.map({ updated > $0 }) ?? true { latest = updated }
                // Housecall Pro lists the latest changes first: a page reaching older ones is the last needed.
                let reachedOlder = result.oldestUpdate.map { $0 < since } ?? false
                return settings.system == .housecallPro ? !reachedOlder : true
            }
        } catch {
            pull.failure = error
            return nil
        }
        if let latest, stored.map({ latest > $0 }) ?? true { pull.watermark = latest }
        return read
    }

    package func remember(_ pull: BookingPull) throws {
        guard pull.failure == nil else { return }
        try BookedJobsFile(path: settings.jobsFile).write(pull.jobs, now: clock())
    }
}
