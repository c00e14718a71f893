import Foundation

/// A span during which a crew calendar is taken (an event, a recurring event's occurrence, an all-day block).
public struct BusyInterval: Sendable, Hashable, Comparable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    public static func < (a: BusyInterval, b: BusyInterval) -> Bool { (a.start, a.end) < (b.start, b.end) }
}
