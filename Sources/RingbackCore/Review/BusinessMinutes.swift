import Foundation

extension BusinessHours {
    /// Working minutes between two instants, counting only open time (all of it when no hours are set):
    /// how long a lead really waited from the office's side.
    public func minutes(from start: Date, to end: Date) -> Int {
        guard end > start else { return 0 }
        guard !spans.isEmpty else { return Int(end.timeIntervalSince(start) / 60) }
        var total = 0
        var day = zone.components(of: start).startOfDay
        let last = zone.components(of: end).startOfDay
        while day <= last {
            if let span = spans[day.weekday] {
                var open = day
                open.hour = span.open / 60
                open.minute = span.open % 60
                var close = day
                close.hour = span.close / 60
                close.minute = span.close % 60
                let from = max(zone.date(from: open), start)
                let to = min(zone.date(from: close), end)
                if to > from { total += Int(to.timeIntervalSince(from) / 60) }
            }
            day = day.addingDays(1)
        }
        return total
    }
}
