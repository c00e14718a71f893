/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), so parsers
/// can turn fields into instants with integer maths instead of calendar objects. The one copy of this
/// arithmetic: iCalendar writing and the emulator's Sheets date numbers use it too.
package enum CivilCalendar {
    package static let secondsPerDay = 86_400

    @inline(__always)
    package static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    @inline(__always)
    package static func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }

    package static func isLeapYear(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    @inline(__always)
    package static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
        month >= 1 && month <= 12 && day >= 1 && (day <= 28 || day <= daysInMonth(year: year, month: month))
    }

    /// Day number of a civil date; `month` must be 1...12, `day` may overflow the month linearly.
    @inline(__always)
    package static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    @inline(__always)
    package static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// ISO weekday, 1 = Monday … 7 = Sunday.
    @inline(__always)
    package static func weekday(days: Int) -> Int { floorMod(days + 3, 7) + 1 }

    /// Seconds since the epoch of a wall-clock reading taken as if it were UTC.
    @inline(__always)
    package static func wallSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int {
        daysFromCivil(year: year, month: month, day: day) * secondsPerDay + hour * 3600 + minute * 60 + second
    }
}
