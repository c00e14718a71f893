import Foundation

/// Parses the timestamp shapes phone-system exports use into instants, straight from UTF-8 bytes
/// with integer calendar arithmetic, so a million rows cost no formatter work.
///
/// Every function returns nil for text it cannot read exactly (including impossible dates such as
/// Feb 30 or hour 25); the caller decides how to report the reject.
public enum TimestampParser {
    // MARK: RFC 2822

    /// `Fri, 18 Oct 2019 17:00:00 +0000`: day name optional, seconds optional, single-digit days,
    /// numeric `±hhmm` offsets or the zone names UT, UTC, GMT, Z, EST/EDT, CST/CDT, MST/MDT, PST/PDT,
    /// an optional trailing `(comment)`. Two-digit years are read as 20yy below 50, else 19yy.
    public static func rfc2822(_ text: String) -> Date? {
        text.withUTF8Bytes { rfc2822($0) }
    }

    public static func rfc2822(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var c = ByteCursor(bytes)
        if let b = c.peek, ASCIIByte.isLetter(b) {
            guard NameTables.weekday(bytes, c.letters()) != nil else { return nil }
            _ = c.consume(ASCIIByte.comma)
            c.skipWhitespace()
        }
        guard let day = c.digits(min: 1, max: 2), c.skipWhitespace() > 0 else { return nil }
        guard let month = NameTables.month(bytes, c.letters()), c.skipWhitespace() > 0 else { return nil }
        let yearStart = c.index
        guard var year = c.digits(min: 2, max: 4) else { return nil }
        switch c.index - yearStart {
        case 2: year += year < 50 ? 2000 : 1900
        case 3: year += 1900
        default: break
        }
        guard c.skipWhitespace() > 0 else { return nil }
        guard let time = clockTime(&c, decimalComma: false) else { return nil }
        let (hour, minute, second, nanos) = time
        c.skipWhitespace()
        guard let offset = zoneOffset(&c, rfc: true) else { return nil }
        c.skipWhitespace()
        if c.consume(ASCIIByte.openParen) {
            while let b = c.peek, b != ASCIIByte.closeParen { c.index += 1 }
            guard c.consume(ASCIIByte.closeParen) else { return nil }
            c.skipWhitespace()
        }
        guard c.atEnd, CivilCalendar.isValidDate(year: year, month: month, day: day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let wall = CivilCalendar.wallSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return instant(wall - offset, nanos: nanos)
    }

    // MARK: ISO 8601

    /// `2026-03-31T09:48:19.815-07:00`, `2019-10-18T17:00:00Z`, a space instead of `T`, seconds and
    /// fraction optional, offsets as `Z`, `±hh:mm`, `±hhmm`, `±hh` or a trailing `UTC`/`GMT`.
    /// Text without an offset is read as wall-clock time in `defaultZone`; nil zone → nil.
    /// `24:00:00` is accepted as midnight ending the day; a date without a time is not accepted.
    public static func iso8601(_ text: String, defaultZone: LocalZone?) -> Date? {
        text.withUTF8Bytes { iso8601($0, defaultZone: defaultZone) }
    }

    public static func iso8601(_ bytes: UnsafeBufferPointer<UInt8>, defaultZone: LocalZone?) -> Date? {
        var c = ByteCursor(bytes)
        guard let year = c.digits(min: 4, max: 4), c.consume(ASCIIByte.minus),
            let month = c.digits(min: 1, max: 2), c.consume(ASCIIByte.minus),
            let day = c.digits(min: 1, max: 2)
        else { return nil }
        if !c.consume(0x54), !c.consume(0x74) {
            guard c.skipWhitespace() > 0 else { return nil }
        }
        guard let time = clockTime(&c, decimalComma: true) else { return nil }
        let (hour, minute, second, nanos) = time
        c.skipWhitespace()
        var offset: Int?
        if !c.atEnd {
            guard let o = zoneOffset(&c, rfc: false) else { return nil }
            offset = o
            c.skipWhitespace()
            guard c.atEnd else { return nil }
        }
        guard CivilCalendar.isValidDate(year: year, month: month, day: day), minute < 60, second < 60 else { return nil }
        guard hour < 24 || (hour == 24 && minute == 0 && second == 0 && nanos == 0) else { return nil }
        let wall = CivilCalendar.wallSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        if let offset { return instant(wall - offset, nanos: nanos) }
        guard let zone = defaultZone else { return nil }
        return instant(zone.epochSecond(wallSeconds: wall), nanos: nanos)
    }

    /// `h:mm`, `h:mm:ss` or `h:mm:ss.fff` (also `,fff` with `decimalComma`), as RFC 2822 and ISO 8601
    /// both write a time of day; ranges are the caller's to check.
    @inline(__always)
    private static func clockTime(_ c: inout ByteCursor, decimalComma: Bool) -> (hour: Int, minute: Int, second: Int, nanos: Int)? {
        guard let hour = c.digits(min: 1, max: 2), c.consume(ASCIIByte.colon),
            let minute = c.digits(min: 2, max: 2)
        else { return nil }
        guard c.consume(ASCIIByte.colon) else { return (hour, minute, 0, 0) }
        guard let second = c.digits(min: 2, max: 2) else { return nil }
        guard c.consume(ASCIIByte.dot) || (decimalComma && c.consume(ASCIIByte.comma)) else { return (hour, minute, second, 0) }
        guard let nanos = c.fractionNanoseconds() else { return nil }
        return (hour, minute, second, nanos)
    }

    // MARK: Zone-less local patterns

    /// Wall-clock text in a mapping-file pattern (see `LocalPattern`), read in `zone`.
    public static func local(_ text: String, pattern: LocalPattern, zone: LocalZone) -> Date? {
        text.withUTF8Bytes { local($0, pattern: pattern, zone: zone) }
    }

    public static func local(_ bytes: UnsafeBufferPointer<UInt8>, pattern: LocalPattern, zone: LocalZone) -> Date? {
        guard let f = pattern.match(bytes) else { return nil }
        let wall = CivilCalendar.wallSeconds(year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: f.second)
        return instant(zone.epochSecond(wallSeconds: wall), nanos: f.nanos)
    }

    // MARK: Epoch numbers

    /// Seconds since 1970-01-01T00:00:00Z as integer or decimal text (`1571418000`, `1571418000.25`).
    public static func epochSeconds(_ text: String) -> Date? {
        text.withUTF8Bytes { epochSeconds($0) }
    }

    public static func epochSeconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard let (negative, whole, nanos) = decimal(bytes, maxWholeDigits: 12) else { return nil }
        let seconds = Double(whole) + Double(nanos) * 1e-9
        return Date(timeIntervalSince1970: negative ? -seconds : seconds)
    }

    /// Milliseconds since 1970-01-01T00:00:00Z as integer or decimal text (`1571418000123`).
    public static func epochMilliseconds(_ text: String) -> Date? {
        text.withUTF8Bytes { epochMilliseconds($0) }
    }

    public static func epochMilliseconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard let (negative, whole, nanos) = decimal(bytes, maxWholeDigits: 15) else { return nil }
        let seconds = Double(whole / 1000) + Double(whole % 1000) * 1e-3 + Double(nanos) * 1e-12
        return Date(timeIntervalSince1970: negative ? -seconds : seconds)
    }

    // MARK: Shared pieces

    @inline(__always)
    static func instant(_ seconds: Int, nanos: Int) -> Date {
        Date(timeIntervalSince1970: nanos == 0 ? Double(seconds) : Double(seconds) + Double(nanos) * 1e-9)
    }

    /// `±hhmm`, `±hh:mm`, `Z`, and for RFC 2822 its zone names, else `±hh`. Returns seconds east of UTC.
    private static func zoneOffset(_ c: inout ByteCursor, rfc: Bool) -> Int? {
        guard let b = c.peek else { return nil }
        if b == ASCIIByte.plus || b == ASCIIByte.minus {
            c.index += 1
            guard let hh = c.digits(min: 2, max: 2) else { return nil }
            var mm = 0
            if c.consume(ASCIIByte.colon) {
                guard let m = c.digits(min: 2, max: 2) else { return nil }
                mm = m
            } else if let m = c.digits(min: 2, max: 2) {
                mm = m
            } else if rfc {
                return nil
            }
            guard hh <= 18, mm < 60 else { return nil }
            let seconds = hh * 3600 + mm * 60
            return b == ASCIIByte.minus ? -seconds : seconds
        }
        guard ASCIIByte.isLetter(b) else { return nil }
        let name = c.letters()
        guard let hours = NameTables.zone(c.bytes, name) else { return nil }
        if !rfc, hours != 0 { return nil }
        return hours * 3600
    }

    /// Optional sign, integer digits, optional `.fraction`; fraction returned in nanoseconds.
    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, maxWholeDigits: Int) -> (Bool, Int, Int)? {
        var c = ByteCursor(bytes)
        let negative = c.consume(ASCIIByte.minus)
        if !negative { _ = c.consume(ASCIIByte.plus) }
        guard let whole = c.digits(min: 1, max: maxWholeDigits) else { return nil }
        var nanos = 0
        if c.consume(ASCIIByte.dot) {
            guard let f = c.fractionNanoseconds() else { return nil }
            nanos = f
        }
        return c.atEnd ? (negative, whole, nanos) : nil
    }
}
