import Foundation

/// A zone's UTC offsets as sorted transition instants, read once from `TimeZone` so lookups are a
/// binary search. Covers everything before 2200; later instants return nil and the caller asks `TimeZone`.
final class ZoneOffsetTable: Sendable {
    private let starts: [Int]
    private let offsets: [Int]
    private let coverageEnd: Int

    init(_ tz: TimeZone) {
        let begin = Date(timeIntervalSince1970: Double(CivilCalendar.daysFromCivil(year: 1800, month: 1, day: 1) * 86_400))
        let end = Date(timeIntervalSince1970: Double(CivilCalendar.daysFromCivil(year: 2200, month: 1, day: 1) * 86_400))
        var starts: [Int] = []
        var offsets = [tz.secondsFromGMT(for: begin)]
        var cursor = begin
        while let next = tz.nextDaylightSavingTimeTransition(after: cursor), next < end, next > cursor {
            let offset = tz.secondsFromGMT(for: next)
            if offset != offsets[offsets.count - 1] {
                starts.append(Int(next.timeIntervalSince1970.rounded(.up)))
                offsets.append(offset)
            }
            cursor = next
        }
        self.starts = starts
        self.offsets = offsets
        self.coverageEnd = Int(end.timeIntervalSince1970)
    }

    @inline(__always)
    func offset(at t: Int) -> Int? {
        if t >= coverageEnd { return nil }
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if starts[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return offsets[lo]
    }
}
