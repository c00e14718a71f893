import Foundation

/// The time a handler stamps on each record; tests inject a fixed one to assert exact lines.
package typealias LogClock = @Sendable () -> Date

/// Seconds-precision UTC stamps such as `2026-11-20T23:00:01Z`, the same in both formats.
enum LogTimestamp {
    private static let style = Date.ISO8601FormatStyle(timeZone: TimeZone(secondsFromGMT: 0)!)

    static func text(_ date: Date) -> String {
        date.formatted(style)
    }
}
