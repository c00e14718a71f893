import Foundation
import RingbackNormalisation

/// An RFC 5545 RRULE, enough for crew calendars: FREQ=DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL, COUNT,
/// UNTIL, BYDAY (with ordinals for MONTHLY, e.g. `1MO`, `-1FR`), BYMONTHDAY and WKST. Occurrences are
/// expanded in the wall-clock time of the event's zone, so a 9:00 meeting stays at 9:00 across DST.
struct RecurrenceRule: Sendable, Hashable {
    enum Frequency: String, Sendable { case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY" }

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    var frequency: Frequency
    var interval = 1
    var count: Int?
    var until: String?
    /// Weekday 1 = Monday … 7 = Sunday, with an ordinal (0 = every such weekday of the period).
    var byDay: [(ordinal: Int, weekday: Int)] = []
    var byMonthDay: [Int] = []
    var weekStart = 1

    static let weekdays = ["MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7]

    init(_ text: String) throws(Problem) {
        var parts: [String: String] = [:]
        for pair in text.split(separator: ";") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { parts[kv[0].uppercased()] = String(kv[1]) }
        }
        guard let freq = parts["FREQ"].flatMap({ Frequency(rawValue: $0.uppercased()) }) else {
            throw Problem(description: "RRULE `\(text)`: FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY")
        }
        frequency = freq
        if let value = parts["INTERVAL"] {
            guard let n = Int(value), n >= 1 else { throw Problem(description: "RRULE `\(text)`: INTERVAL must be a positive number") }
            interval = n
        }
        count = parts["COUNT"].flatMap(Int.init)
        until = parts["UNTIL"]
        weekStart = parts["WKST"].flatMap { Self.weekdays[$0.uppercased()] } ?? 1
        for item in (parts["BYDAY"] ?? "").split(separator: ",") {
            let code = String(item.suffix(2)).uppercased()
            guard let weekday = Self.weekdays[code], let ordinal = item.count == 2 ? 0 : Int(item.dropLast(2)) else {
                throw Problem(description: "RRULE `\(text)`: BYDAY `\(item)` is not a weekday like MO or 1MO")
            }
            byDay.append((ordinal, weekday))
        }
        byMonthDay = (parts["BYMONTHDAY"] ?? "").split(separator: ",").compactMap { Int($0) }
    }

    static func == (a: RecurrenceRule, b: RecurrenceRule) -> Bool { "\(a)" == "\(b)" }
    func hash(into hasher: inout Hasher) { hasher.combine("\(self)") }

    /// Local starts of the occurrences from `start` on, in order, until COUNT, UNTIL or `limit`.
    func occurrences(from start: ICSTime, through limit: Date, cap: Int = 20_000) -> [LocalDateTime] {
        let untilTime = until.flatMap { try? ICSTime.parse($0, tzid: nil, dateOnly: false, floating: start.zone) }
        var found: [LocalDateTime] = []
        var period = 0
        var emitted = 0
        while period < cap {
            for candidate in candidates(period: period, start: start.local) where candidate >= start.local {
                let instant = start.zone.date(from: candidate)
                if let untilTime {
                    let past = untilTime.allDay ? candidate.startOfDay > untilTime.local : instant > untilTime.instant
                    if past { return found }
                }
                if instant > limit { return found }
                if let count, emitted >= count { return found }
                emitted += 1
                found.append(candidate)
            }
            period += 1
        }
        return found
    }

    private func candidates(period: Int, start: LocalDateTime) -> [LocalDateTime] {
        let step = period * interval
        switch frequency {
        case .daily:
            let day = start.addingDays(step)
            return byDay.isEmpty || byDay.contains(where: { $0.weekday == day.weekday }) ? [day] : []
        case .weekly:
            let weekBegins = start.addingDays(-((start.weekday - weekStart + 7) % 7) + 7 * step)
            let days = byDay.isEmpty ? [start.weekday] : byDay.map(\.weekday)
            return Set(days).map { weekBegins.addingDays(($0 - weekStart + 7) % 7) }.sorted()
        case .monthly:
            let months = start.month - 1 + step
            var first = start
            first.year = start.year + months / 12
            first.month = months % 12 + 1
            return monthDays(first)
        case .yearly:
            var day = start
            day.year += step
            return CivilCalendar.isValidDate(year: day.year, month: day.month, day: day.day) ? [day] : []
        }
    }

    /// The days of one month the rule picks, at the start's time of day.
    private func monthDays(_ month: LocalDateTime) -> [LocalDateTime] {
        let length = CivilCalendar.daysInMonth(year: month.year, month: month.month)
        func at(_ day: Int) -> LocalDateTime {
            var local = month
            local.day = day
            return local
        }
        var days = Set<Int>()
        if !byDay.isEmpty {
            for (ordinal, weekday) in byDay {
                let matching = (1...length).filter { at($0).weekday == weekday }
                if ordinal == 0 {
                    days.formUnion(matching)
                } else if ordinal > 0, ordinal <= matching.count {
                    days.insert(matching[ordinal - 1])
                } else if ordinal < 0, -ordinal <= matching.count {
                    days.insert(matching[matching.count + ordinal])
                }
            }
            if !byMonthDay.isEmpty { days = days.intersection(resolved(byMonthDay, length: length)) }
        } else if !byMonthDay.isEmpty {
            days = resolved(byMonthDay, length: length)
        } else if month.day <= length {
            days = [month.day]
        }
        return days.sorted().map(at)
    }

    private func resolved(_ monthDays: [Int], length: Int) -> Set<Int> {
        Set(monthDays.compactMap { $0 > 0 ? ($0 <= length ? $0 : nil) : ($0 < 0 && -$0 <= length ? length + 1 + $0 : nil) })
    }
}
