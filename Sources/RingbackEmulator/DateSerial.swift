import RingbackNormalisation

/// Sheets' date numbers: days since 1899-12-30, the time of day as the fraction.
enum DateSerial {
    /// The day number (days since 1970-01-01) of serial 0.
    static let epoch = CivilCalendar.daysFromCivil(year: 1899, month: 12, day: 30)

    static func serial(year: Int, month: Int, day: Int) -> Int {
        CivilCalendar.daysFromCivil(year: year, month: month, day: day) - epoch
    }

    static func civil(serial: Int) -> (year: Int, month: Int, day: Int) { CivilCalendar.civilFromDays(serial + epoch) }
}
