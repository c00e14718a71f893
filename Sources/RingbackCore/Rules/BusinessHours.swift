import Foundation
import RingbackNormalisation

/// Opening hours per weekday in the business's zone; due-by times and the on-call rule depend on them.
public struct BusinessHours: Sendable {
    /// One opening span on a weekday, in minutes after local midnight.
    public struct Span: Sendable, Hashable {
        public var open: Int
        public var close: Int
        public init(open: Int, close: Int) {
            self.open = open
            self.close = close
        }
    }

    public let zone: LocalZone
    /// Weekday 1 = Monday … 7 = Sunday; a missing day is closed.
    public let spans: [Int: Span]

    public init(zone: LocalZone, spans: [Int: Span]) {
        self.zone = zone
        self.spans = spans
    }

    public func isOpen(at instant: Date) -> Bool {
        let local = zone.components(of: instant)
        guard let span = spans[local.weekday] else { return false }
        let minute = local.hour * 60 + local.minute
        return minute >= span.open && minute < span.close
    }

    /// Adds working minutes to `start`, skipping closed time; a start outside hours begins at the next opening.
    public func adding(minutes: Int, to start: Date) -> Date {
        guard !spans.isEmpty else { return start.addingTimeInterval(TimeInterval(minutes * 60)) }
        var remaining = minutes
        var local = zone.components(of: start)
        var minuteOfDay = local.hour * 60 + local.minute
        for _ in 0..<400 {
            if let span = spans[local.weekday], minuteOfDay < span.close {
                let from = max(minuteOfDay, span.open)
                let available = span.close - from
                if remaining <= available {
                    var day = local
                    day.hour = (from + remaining) / 60
                    day.minute = (from + remaining) % 60
                    day.second = 0
                    let landed = zone.date(from: day)
                    return from == minuteOfDay && remaining > 0 ? max(landed, start) : landed
                }
                remaining -= available
            }
            local = local.addingDays(1)
            local.hour = 0
            local.minute = 0
            local.second = 0
            minuteOfDay = 0
        }
        return start.addingTimeInterval(TimeInterval(minutes * 60))
    }
}
