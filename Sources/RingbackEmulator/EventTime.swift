import Foundation
import RingbackJSON
import RingbackNormalisation

/// An event's start or end: an instant (or a whole day) and the zone it should be shown in.
/// Calendar compares instants; the text a client sent is only one way of writing one.
struct EventTime {
    var instant: Date
    var allDay: Bool
    var day: String?

    struct Problem: Error {
        var reason: String
        var message: String
    }

    /// `2026-11-20T14:30:00-06:00`, `…Z`, or without an offset (then local to `zone`).
    static func parseDateTime(_ text: String, zone: TimeZone?) -> Date?? {
        let chars = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            var value = 0
            for byte in chars[from..<from + count] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard chars.count >= 19, let year = number(0, 4), chars[4] == 45, let month = number(5, 2), chars[7] == 45,
            let day = number(8, 2), chars[10] == 84 || chars[10] == 116, let hour = number(11, 2), chars[13] == 58,
            let minute = number(14, 2), chars[16] == 58, let second = number(17, 2),
            CivilCalendar.isValidDate(year: year, month: month, day: day), hour < 24, minute < 60, second < 61
        else { return .some(nil) }
        var index = 19
        var fraction = 0.0
        if index < chars.count, chars[index] == 46 {
            index += 1
            var scale = 0.1
            while index < chars.count, (48...57).contains(chars[index]) {
                fraction += Double(chars[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        let localSeconds =
            Double(CivilCalendar.daysFromCivil(year: year, month: month, day: day) * 86400 + hour * 3600 + minute * 60 + second) + fraction
        if index == chars.count {
            guard let zone else { return nil }
            let guess = Date(timeIntervalSince1970: localSeconds)
            let offset = zone.secondsFromGMT(for: guess.addingTimeInterval(-Double(zone.secondsFromGMT(for: guess))))
            return .some(Date(timeIntervalSince1970: localSeconds - Double(offset)))
        }
        if chars[index] == 90 || chars[index] == 122, index + 1 == chars.count {
            return .some(Date(timeIntervalSince1970: localSeconds))
        }
        guard chars.count == index + 6, chars[index] == 43 || chars[index] == 45, let oh = number(index + 1, 2),
            chars[index + 3] == 58, let om = number(index + 4, 2)
        else { return .some(nil) }
        let offset = Double(oh * 3600 + om * 60) * (chars[index] == 45 ? -1 : 1)
        return .some(Date(timeIntervalSince1970: localSeconds - offset))
    }

    static func render(_ instant: Date, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: instant)
        let local = Int((instant.timeIntervalSince1970 + Double(offset)).rounded(.down))
        let days = Int((Double(local) / 86400).rounded(.down))
        let seconds = local - days * 86400
        let date = CivilCalendar.civilFromDays(days)
        let base = String(
            format: "%04ld-%02ld-%02ldT%02ld:%02ld:%02ld", date.year, date.month, date.day, seconds / 3600, seconds / 60 % 60, seconds % 60)
        if offset == 0 { return base + "Z" }
        let magnitude = abs(offset)
        return base + String(format: "%@%02ld:%02ld", offset < 0 ? "-" : "+", magnitude / 3600, magnitude / 60 % 60)
    }

    static func renderRFC3339UTC(_ instant: Date) -> String {
        let millis = Int((instant.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = millis / 1000
        let days = Int((Double(seconds) / 86400).rounded(.down))
        let rest = seconds - days * 86400
        let date = CivilCalendar.civilFromDays(days)
        return String(
            format: "%04ld-%02ld-%02ldT%02ld:%02ld:%02ld.%03ldZ", date.year, date.month, date.day, rest / 3600, rest / 60 % 60, rest % 60,
            millis % 1000)
    }

    /// Validates a start or end object as Calendar does and finds its instant.
    static func parse(_ value: JSONValue?, which: String, calendarZone: TimeZone) throws(Problem) -> EventTime {
        guard let value, value.object != nil else {
            throw Problem(reason: "required", message: "Missing \(which) time.")
        }
        var zone: TimeZone?
        if let name = value["timeZone"]?.string {
            guard let found = TimeZone(identifier: name) else {
                throw Problem(reason: "invalid", message: "Invalid time zone definition for \(which) time.")
            }
            zone = found
        }
        if let text = value["dateTime"]?.string {
            switch parseDateTime(text, zone: zone) {
            case .none: throw Problem(reason: "required", message: "Missing time zone definition for \(which) time.")
            case .some(.none): throw Problem(reason: "invalid", message: "Invalid \(which) time.")
            case .some(.some(let date)): return EventTime(instant: date, allDay: false)
            }
        }
        if let text = value["date"]?.string {
            let fields = text.split(separator: "-")
            guard text.count == 10, fields.count == 3, let y = Int(fields[0]), let m = Int(fields[1]), let d = Int(fields[2]),
                CivilCalendar.isValidDate(year: y, month: m, day: d),
                case .some(.some(let date)) = parseDateTime(text + "T00:00:00", zone: zone ?? calendarZone)
            else {
                throw Problem(reason: "invalid", message: "Invalid \(which) time.")
            }
            return EventTime(instant: date, allDay: true, day: text)
        }
        throw Problem(reason: "required", message: "Missing \(which) time.")
    }
}
