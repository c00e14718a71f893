import Foundation
import RingbackNormalisation

/// Reads a string the way the Sheets editor reads typing (valueInputOption USER_ENTERED): numbers, dates, booleans, formulas.
enum UserEnteredParser {
    struct Parsed {
        var content: CellContent
        var numberFormat: (type: String, pattern: String)?
    }

    static func parse(_ text: String) -> Parsed {
        if text.isEmpty { return Parsed(content: .empty) }
        if text.hasPrefix("=") { return Parsed(content: .formula(text)) }
        if text.hasPrefix("'") { return Parsed(content: .text(String(text.dropFirst()))) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed.uppercased() {
        case "TRUE": return Parsed(content: .bool(true))
        case "FALSE": return Parsed(content: .bool(false))
        default: break
        }
        if let number = parseNumber(trimmed) { return number }
        if let date = parseDateTime(trimmed) { return date }
        if trimmed.hasPrefix("+") || trimmed.hasPrefix("-") { return Parsed(content: .formula("=" + trimmed)) }
        return Parsed(content: .text(text))
    }

    /// `42`, `-0.5`, `+15125550100`, `1,234.5`, `1e3`, `12%`, `$4.50`.
    static func parseNumber(_ text: String) -> Parsed? {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        var currency = false
        if body.first == "$" {
            currency = true
            body = body.dropFirst()
        }
        var percent = false
        if body.last == "%" {
            percent = true
            body = body.dropLast()
        }
        guard let first = body.first, first.isASCII, first.isNumber || first == "." else { return nil }
        let mantissaEnd = body.firstIndex { $0 == "e" || $0 == "E" } ?? body.endIndex
        let mantissa = body[..<mantissaEnd]
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let integer = parts[0]
        var grouped = false
        if integer.contains(",") {
            let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
            guard groups[0].count >= 1, groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            grouped = true
        }
        let digits = integer.replacingOccurrences(of: ",", with: "")
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if parts.count == 2 {
            guard parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), !(digits.isEmpty && parts[1].isEmpty) else { return nil }
        } else if digits.isEmpty {
            return nil
        }
        var exponent = ""
        if mantissaEnd < body.endIndex {
            let rest = body[body.index(after: mantissaEnd)...]
            var expDigits = rest
            if let sign = expDigits.first, sign == "+" || sign == "-" { expDigits = expDigits.dropFirst() }
            guard !expDigits.isEmpty, expDigits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            exponent = "e" + rest
        }
        let literal = digits + (parts.count == 2 ? "." + parts[1] : "") + exponent
        guard var value = Double(literal.hasPrefix(".") ? "0" + literal : literal) else { return nil }
        if negative { value = -value }
        if percent {
            value /= 100
            let decimals = parts.count == 2 ? parts[1].count : 0
            return Parsed(content: .number(value), numberFormat: ("PERCENT", decimals == 0 ? "0%" : "0.00%"))
        }
        if currency { return Parsed(content: .number(value), numberFormat: ("CURRENCY", "\"$\"#,##0.00")) }
        if grouped {
            let decimals = parts.count == 2 ? parts[1].count : 0
            return Parsed(content: .number(value), numberFormat: ("NUMBER", decimals == 0 ? "#,##0" : "#,##0.00"))
        }
        return Parsed(content: .number(value))
    }

    /// `2020-01-01`, `2020/1/2`, `11/20/2026`, each with an optional `14:30`, `2:30 PM`, `14:30:15`; or a time alone.
    static func parseDateTime(_ text: String) -> Parsed? {
        let pieces = text.split(separator: " ", omittingEmptySubsequences: true)
        guard !pieces.isEmpty, pieces.count <= 3 else { return nil }
        var datePart: (serial: Int, pattern: String)?
        var rest = pieces[...]
        if let date = parseDate(pieces[0]) {
            datePart = date
            rest = pieces.dropFirst()
        }
        if rest.isEmpty {
            guard let datePart else { return nil }
            return Parsed(content: .number(Double(datePart.serial)), numberFormat: ("DATE", datePart.pattern))
        }
        guard let time = parseTime(Array(rest)) else { return nil }
        if let datePart {
            return Parsed(
                content: .number(Double(datePart.serial) + time.fraction),
                numberFormat: ("DATE_TIME", datePart.pattern + " h:mm:ss"))
        }
        return Parsed(content: .number(time.fraction), numberFormat: ("TIME", time.meridiem ? "h:mm:ss am/pm" : "h:mm:ss"))
    }

    private static func parseDate(_ text: Substring) -> (serial: Int, pattern: String)? {
        let separator: Character = text.contains("-") ? "-" : "/"
        let fields = text.split(separator: separator, omittingEmptySubsequences: false)
        guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let a = Int(fields[0]), let b = Int(fields[1]), let c = Int(fields[2])
        else { return nil }
        let year: Int, month: Int, day: Int, pattern: String
        if fields[0].count == 4 {
            (year, month, day) = (a, b, c)
            pattern = separator == "-" ? "yyyy-mm-dd" : "yyyy/mm/dd"
        } else if separator == "/" && fields[2].count == 4 {
            (year, month, day) = (c, a, b)
            pattern = "m/d/yyyy"
        } else {
            return nil
        }
        guard CivilCalendar.isValidDate(year: year, month: month, day: day) else { return nil }
        return (DateSerial.serial(year: year, month: month, day: day), pattern)
    }

    private static func parseTime(_ pieces: [Substring]) -> (fraction: Double, meridiem: Bool)? {
        guard pieces.count <= 2 else { return nil }
        var meridiem: String?
        var clock = pieces[0].uppercased()
        if pieces.count == 2 {
            meridiem = pieces[1].uppercased()
        } else if clock.hasSuffix("AM") || clock.hasSuffix("PM") {
            meridiem = String(clock.suffix(2))
            clock = String(clock.dropLast(2))
        }
        if let meridiem, meridiem != "AM" && meridiem != "PM" { return nil }
        let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3,
            fields.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            var hour = Int(fields[0]), let minute = Int(fields[1]), minute < 60
        else { return nil }
        let second = fields.count == 3 ? Int(fields[2]) ?? 0 : 0
        guard second < 60 else { return nil }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (meridiem == "PM" ? 12 : 0)
        }
        guard hour < 24 else { return nil }
        return (Double(hour * 3600 + minute * 60 + second) / 86400, meridiem != nil)
    }
}
