import Foundation
import RingbackCore

/// The jobs a bookings source has read, kept in a small JSON file beside the state between runs, so a
/// lead booked by a job read last week stays booked when this run reads only what changed since.
/// Jobs that started more than `keepDays` ago are let go.
package struct BookedJobsFile: Sendable {
    package let path: String
    package static let keepDays = 60

    private struct Entry: Codable {
        var reference: String
        var start: Date
        var end: Date
        var title: String
        var details: String
    }

    package init(path: String) {
        self.path = path
    }

    /// The kept jobs; none when the file does not exist yet.
    package func read(crew: String) throws(BookingPullFailure) -> [CrewJobEvent] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let entries = try decoder.decode([Entry].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            return entries.map {
                CrewJobEvent(crew: crew, start: $0.start, end: $0.end, title: $0.title, details: $0.details, reference: $0.reference)
            }
        } catch {
            throw BookingPullFailure(
                source: crew, page: 0, displayURL: path, status: nil,
                reason: "the kept jobs cannot be read (\(error.localizedDescription)); Ringback uses none of this source's jobs until it is mended or deleted; once deleted, the jobs are read afresh from the start")
        }
    }

    package func write(_ jobs: [CrewJobEvent], now: Date) throws {
        let cutoff = now.addingTimeInterval(-Double(Self.keepDays) * 86400)
        let entries = jobs.filter { $0.start >= cutoff }.sorted { ($0.start, $0.reference) < ($1.start, $1.reference) }.map {
            Entry(reference: $0.reference, start: $0.start, end: $0.end, title: $0.title, details: $0.details)
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(entries).write(to: url, options: .atomic)
    }

    /// Jobs by reference, a later reading of a job replacing the earlier one.
    package static func merged(_ kept: [CrewJobEvent], _ read: [CrewJobEvent]) -> [CrewJobEvent] {
        var byReference: [String: CrewJobEvent] = [:]
        var order: [String] = []
        for job in kept + read {
            if byReference.updateValue(job, forKey: job.reference) == nil { order.append(job.reference) }
        }
        return order.compactMap { byReference[$0] }
    }
}
