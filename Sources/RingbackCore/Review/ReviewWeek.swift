import Foundation
import RingbackNormalisation

/// One review week: Monday 00:00 to the next Monday 00:00 in the business's zone, so the office's week
/// is the report's week whatever the server's clock says.
public struct ReviewWeek: Sendable, Hashable, Comparable {
    /// The Monday the week starts on.
    public let monday: LocalDateTime
    public let zone: LocalZone

    /// The week holding `instant`.
    public init(containing instant: Date, zone: LocalZone) {
        let day = zone.components(of: instant).startOfDay
        self.monday = day.addingDays(1 - day.weekday)
        self.zone = zone
    }

    private init(monday: LocalDateTime, zone: LocalZone) {
        self.monday = monday
        self.zone = zone
    }

    public var start: Date { zone.date(from: monday) }
    public var end: Date { zone.date(from: monday.addingDays(7)) }
    public func contains(_ instant: Date) -> Bool { instant >= start && instant < end }

    public func offset(by weeks: Int) -> ReviewWeek { ReviewWeek(monday: monday.addingDays(7 * weeks), zone: zone) }

    /// "2026-11-16", the Monday, as the office reads it.
    public var label: String { String(monday.description.prefix(10)) }
    /// "2026-11-16 – 2026-11-22".
    public var span: String { "\(label) – \(String(monday.addingDays(6).description.prefix(10)))" }

    public static func < (a: ReviewWeek, b: ReviewWeek) -> Bool { a.monday < b.monday }
}
