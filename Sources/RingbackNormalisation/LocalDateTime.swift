/// A wall-clock reading in some zone, for business-hours logic that reasons in local days and times
/// rather than instants.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int { CivilCalendar.weekday(days: dayNumber) }

    /// True when every field is within its calendar range (no Feb 30, no hour 24).
    public var isValid: Bool {
        CivilCalendar.isValidDate(year: year, month: month, day: day)
            && (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second)
    }

    /// The same wall-clock time `days` calendar days later (earlier when negative).
    public func addingDays(_ days: Int) -> LocalDateTime {
        let d = CivilCalendar.civilFromDays(dayNumber + days)
        return LocalDateTime(year: d.year, month: d.month, day: d.day, hour: hour, minute: minute, second: second)
    }

    /// Midnight at the start of this reading's day.
    public var startOfDay: LocalDateTime { LocalDateTime(year: year, month: month, day: day) }

    /// Days since 1970-01-01 of this reading's date; out-of-range months and days roll over.
    var dayNumber: Int {
        let m0 = month - 1
        let y = year + CivilCalendar.floorDiv(m0, 12)
        let m = CivilCalendar.floorMod(m0, 12) + 1
        return CivilCalendar.daysFromCivil(year: y, month: m, day: 1) + day - 1
    }

    /// Seconds since the epoch if this reading were UTC; out-of-range fields roll over.
    var wallSeconds: Int { dayNumber * CivilCalendar.secondsPerDay + hour * 3600 + minute * 60 + second }

    init(wallSeconds: Int) {
        let days = CivilCalendar.floorDiv(wallSeconds, CivilCalendar.secondsPerDay)
        let secs = wallSeconds - days * CivilCalendar.secondsPerDay
        let d = CivilCalendar.civilFromDays(days)
        self.init(year: d.year, month: d.month, day: d.day, hour: secs / 3600, minute: secs % 3600 / 60, second: secs % 60)
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.year, a.month, a.day, a.hour, a.minute, a.second) < (b.year, b.month, b.day, b.hour, b.minute, b.second)
    }

    public var description: String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
    }
}
