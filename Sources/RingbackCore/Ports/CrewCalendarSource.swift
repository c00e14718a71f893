import Foundation

/// The crew's own calendars (an exported or subscribed ICS file, a Google calendar), read before
/// planning for the busy spans windows are found between and the jobs a person booked there.
/// Ringback never writes them. A calendar that cannot be read is reported in `unreadable`, not thrown,
/// so one missing file costs only its crew's windows.
public protocol CrewCalendarSource: Sendable {
    /// The crews this source reads, by name.
    var crews: [String] { get }
    func read(from: Date, to: Date) -> CrewAvailability
}

extension CrewAvailability {
    /// Several sources' readings together.
    public static func merged(_ parts: [CrewAvailability]) -> CrewAvailability {
        var all = CrewAvailability()
        for part in parts {
            all.busy.merge(part.busy) { $0 + $1 }
            all.jobs += part.jobs
            all.unreadable.merge(part.unreadable) { first, _ in first }
            all.problems += part.problems
        }
        return all
    }
}
