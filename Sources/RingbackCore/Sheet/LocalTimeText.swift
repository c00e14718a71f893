import Foundation
import RingbackNormalisation

/// Shows instants as the office reads them: local wall-clock time in the business's zone, "2026-07-03 09:14".
public struct LocalTimeText: Sendable {
    public let zone: LocalZone

    public init(zone: LocalZone) {
        self.zone = zone
    }

    public func format(_ instant: Date) -> String {
        let c = zone.components(of: instant)
        return "\(c.year)-\(pad(c.month))-\(pad(c.day)) \(pad(c.hour)):\(pad(c.minute))"
    }

    /// Reads an appointment the office typed: "2026-11-26 09:00", "2026-11-26T09:00", "11/26/2026 9:00 AM", "11/26/2026 14:30".
    public func parseAppointment(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        for pattern in LocalTimeText.appointmentPatterns {
            if let date = TimestampParser.local(trimmed, pattern: pattern, zone: zone) { return date }
        }
        return nil
    }

    /// Whether two texts of a time column name the same minute, however a spreadsheet re-saved them.
    public func sameTime(_ a: String, _ b: String) -> Bool {
        guard let first = parseAppointment(a), let second = parseAppointment(b) else { return false }
        return Int(first.timeIntervalSince1970) / 60 == Int(second.timeIntervalSince1970) / 60
    }

    private static let appointmentPatterns: [LocalPattern] = [
        "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss",
        "M/d/yyyy h:mm a", "M/d/yyyy h:mma", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm:ss a", "yyyy/M/d H:mm",
        "M/d/yy H:mm", "M/d/yy h:mm a", "d.M.yyyy H:mm",
    ].compactMap { try? LocalPattern($0) }

    private func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
