import Foundation
import RingbackNormalisation

/// Formats iCalendar dates by arithmetic on the epoch, so no Calendar, TimeZone or
/// locale state is involved.
enum ICalDateFormatting {
    static func utcDateTime(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let days = CivilCalendar.floorDiv(seconds, CivilCalendar.secondsPerDay)
        let secondOfDay = CivilCalendar.floorMod(seconds, CivilCalendar.secondsPerDay)
        let (year, month, day) = CivilCalendar.civilFromDays(days)
        return date(year: year, month: month, day: day)
            + "T" + pad(secondOfDay / 3600, 2) + pad(secondOfDay / 60 % 60, 2) + pad(secondOfDay % 60, 2) + "Z"
    }

    static func date(year: Int, month: Int, day: Int) -> String {
        pad(year, 4) + pad(month, 2) + pad(day, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
