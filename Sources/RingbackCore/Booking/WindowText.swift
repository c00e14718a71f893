import Foundation
import RingbackNormalisation

/// Shows an offered window as a caller reads it: "Tue Nov 24, 9:00-10:30 AM", in the business's zone.
public struct WindowText: Sendable {
    public let zone: LocalZone

    public init(zone: LocalZone) {
        self.zone = zone
    }

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public func format(_ window: OfferedWindow) -> String {
        let start = zone.components(of: window.start)
        let end = zone.components(of: window.end)
        let day = "\(Self.weekdays[start.weekday - 1]) \(Self.months[start.month - 1]) \(start.day)"
        let sameHalf = (start.hour < 12) == (end.hour < 12)
        let from = clock(start) + (sameHalf ? "" : " " + half(start))
        return "\(day), \(from)-\(clock(end)) \(half(end))"
    }

    private func clock(_ local: LocalDateTime) -> String {
        let hour = local.hour % 12 == 0 ? 12 : local.hour % 12
        return "\(hour):\(local.minute < 10 ? "0" : "")\(local.minute)"
    }

    private func half(_ local: LocalDateTime) -> String { local.hour < 12 ? "AM" : "PM" }
}
