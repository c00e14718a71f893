import Foundation

/// Renders numbers as the Sheets grid shows them: the automatic format, or a cell's date, time, percent or number pattern.
enum SheetsNumberFormat {
    static func general(_ value: Double) -> String {
        guard value.isFinite else { return "#NUM!" }
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        let magnitude = abs(value)
        if magnitude >= 1e15 || magnitude < 1e-9 {
            let text = String(format: "%.2E", value)
            return text.replacingOccurrences(of: "E+0", with: "E+").replacingOccurrences(of: "E-0", with: "E-")
        }
        var text = String(format: "%.10f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func format(_ value: Double, type: String, pattern: String) -> String {
        switch type {
        case "DATE", "TIME", "DATE_TIME":
            return dateTime(value, pattern: pattern.isEmpty ? defaultPattern(type) : pattern)
        case "TEXT":
            return general(value)
        default:
            return pattern.isEmpty ? general(value) : numeric(value, pattern: pattern)
        }
    }

    private static func defaultPattern(_ type: String) -> String {
        switch type {
        case "DATE": "m/d/yyyy"
        case "TIME": "h:mm:ss am/pm"
        default: "m/d/yyyy h:mm:ss"
        }
    }

    static func numeric(_ value: Double, pattern: String) -> String {
        var literal = pattern.replacingOccurrences(of: "\"", with: "")
        if let semicolon = literal.firstIndex(of: ";") { literal = String(literal[..<semicolon]) }
        guard let firstDigit = literal.firstIndex(where: { $0 == "0" || $0 == "#" }) else { return general(value) }
        let lastDigit = literal.lastIndex(where: { $0 == "0" || $0 == "#" || $0 == "," || $0 == "." })!
        let prefix = String(literal[..<firstDigit])
        let core = String(literal[firstDigit...lastDigit])
        let suffix = String(literal[literal.index(after: lastDigit)...])
        var number = value
        if suffix.contains("%") { number *= 100 }
        let decimals = core.split(separator: ".", maxSplits: 1).dropFirst().first?.filter { $0 == "0" || $0 == "#" }.count ?? 0
        var text = String(format: "%.\(decimals)f", abs(number))
        if core.contains(",") {
            let parts = text.split(separator: ".", maxSplits: 1)
            var integer = String(parts[0])
            var grouped = ""
            while integer.count > 3 {
                grouped = "," + integer.suffix(3) + grouped
                integer.removeLast(3)
            }
            text = integer + grouped + (parts.count > 1 ? "." + parts[1] : "")
        }
        return (number < 0 && text.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "-" : "") + prefix + text + suffix
    }

    static func dateTime(_ value: Double, pattern: String) -> String {
        guard value.isFinite, abs(value) < 3_000_000 else { return general(value) }
        var renderer = DateTimeRenderer(serial: value, pattern: pattern)
        return renderer.render()
    }
}

/// Walks a date/time pattern token by token, writing the fields of one serial date-time.
private struct DateTimeRenderer {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    let chars: [Character]
    let lower: String
    let twelveHour: Bool
    let date: (year: Int, month: Int, day: Int)
    let hour: Int, minute: Int, second: Int
    var i = 0
    /// Whether the previous token was an hour (possibly followed by `:`), which makes a following `m` minutes.
    var lastWasHour = false
    var out = ""

    init(serial value: Double, pattern: String) {
        let day = Int(value.rounded(.down))
        var seconds = Int(((value - Double(day)) * 86400).rounded())
        var dayNumber = day
        if seconds >= 86400 {
            seconds -= 86400
            dayNumber += 1
        }
        date = DateSerial.civil(serial: dayNumber)
        hour = seconds / 3600
        minute = seconds / 60 % 60
        second = seconds % 60
        lower = pattern.lowercased()
        twelveHour = lower.contains("am/pm")
        chars = Array(pattern)
    }

    mutating func render() -> String {
        while i < chars.count { renderToken() }
        return out
    }

    /// Renders the token at `i` and moves past it.
    private mutating func renderToken() {
        let c = Character(chars[i].lowercased())
        if lower.dropFirst(i).hasPrefix("am/pm") {
            out += hour < 12 ? "AM" : "PM"
            i += 5
            return
        }
        switch c {
        case "y": year()
        case "m": monthOrMinute()
        case "d": out += pad(date.day, consume("d"))
        case "h":
            hourOfDay()
            return
        case "s": out += pad(second, consume("s"))
        default:
            out.append(chars[i])
            i += 1
            if chars[i - 1] == ":" { return }
        }
        lastWasHour = false
    }

    /// The length of the run of `c` (either case) at `i`, which is then skipped.
    private mutating func consume(_ c: Character) -> Int {
        var n = 0
        while i + n < chars.count, chars[i + n].lowercased() == String(c) { n += 1 }
        i += n
        return n
    }

    private func pad(_ n: Int, _ width: Int) -> String { width >= 2 ? String(format: "%02ld", n) : String(n) }

    private mutating func year() {
        let n = consume("y")
        out += n <= 2 ? String(format: "%02ld", date.year % 100) : String(date.year)
    }

    /// `m` is minutes after an hour or before seconds, else the month: `mmmm` full name, `mmm` short, `m`/`mm` number.
    private mutating func monthOrMinute() {
        let n = consume("m")
        let rest = chars[i...].drop { !$0.isLetter }
        let isMinute = lastWasHour || rest.first?.lowercased() == "s"
        if isMinute {
            out += pad(minute, n)
        } else if n >= 4 {
            out += Self.months[date.month - 1]
        } else if n == 3 {
            out += String(Self.months[date.month - 1].prefix(3))
        } else {
            out += pad(date.month, n)
        }
    }

    private mutating func hourOfDay() {
        let n = consume("h")
        let shown = twelveHour ? (hour % 12 == 0 ? 12 : hour % 12) : hour
        out += pad(shown, n)
        lastWasHour = true
    }
}
