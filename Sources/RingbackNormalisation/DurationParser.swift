/// Reads call durations as whole seconds from the shapes exports use: plain numbers, ISO 8601
/// durations and clock text.
///
/// Fractions round to the nearest second, halves up (`42.5` → 43, `5500` ms → 6). Negative,
/// empty or unreadable text returns nil.
public enum DurationParser {
    /// `42`, `42.0`, `PT1M5S`, `PT1H2M3S`, `P0D`, `P1DT2H`, `00:05:36`, `5:36` (m:ss), `1:02:03` (h:mm:ss).
    /// ISO years and months are refused because their length in seconds is not fixed.
    public static func seconds(_ text: String) -> Int? {
        text.withUTF8Bytes { seconds($0) }
    }

    public static func seconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var c = ByteCursor(bytes)
        guard let first = c.peek else { return nil }
        let micros: Int?
        if first == 0x50 || first == 0x70 {
            c.index += 1
            micros = isoMicros(&c)
        } else if ASCIIByte.isDigit(first) {
            micros = clockOrNumberMicros(&c)
        } else {
            micros = nil
        }
        guard let micros, c.atEnd else { return nil }
        return roundedSeconds(micros: micros)
    }

    /// A millisecond count (`5600`, `5600.0`) as whole seconds, rounded to nearest, halves up.
    public static func secondsFromMilliseconds(_ text: String) -> Int? {
        text.withUTF8Bytes { secondsFromMilliseconds($0) }
    }

    public static func secondsFromMilliseconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var c = ByteCursor(bytes)
        guard let micros = decimalMicros(&c), c.atEnd else { return nil }
        return (micros / 1000 + 500_000) / 1_000_000
    }

    // MARK: Pieces (values in microseconds)

    private static let maxWholeDigits = 12
    private static let maxClockLeading = 1_000_000

    @inline(__always)
    private static func roundedSeconds(micros: Int) -> Int { (micros + 500_000) / 1_000_000 }

    /// Unsigned decimal number, scaled to millionths (digits past the sixth decimal are dropped).
    @inline(__always)
    private static func decimalMicros(_ c: inout ByteCursor) -> Int? {
        guard let whole = c.digits(min: 1, max: maxWholeDigits) else { return nil }
        var micros = whole * 1_000_000
        if c.consume(ASCIIByte.dot) || c.consume(ASCIIByte.comma) {
            guard let nanos = c.fractionNanoseconds() else { return nil }
            micros += nanos / 1000
        }
        return micros
    }

    private static func clockOrNumberMicros(_ c: inout ByteCursor) -> Int? {
        let start = c.index
        guard let a = c.digits(min: 1, max: maxWholeDigits) else { return nil }
        guard c.consume(ASCIIByte.colon) else {
            c.index = start
            return decimalMicros(&c)
        }
        guard a <= maxClockLeading, let b = c.digits(min: 2, max: 2) else { return nil }
        if c.consume(ASCIIByte.colon) {
            guard b < 60, let s = decimalMicros(&c), s < 60_000_000 else { return nil }
            return (a * 3600 + b * 60) * 1_000_000 + s
        }
        var micros = b * 1_000_000
        if c.consume(ASCIIByte.dot) {
            guard let nanos = c.fractionNanoseconds() else { return nil }
            micros += nanos / 1000
        }
        guard b < 60 else { return nil }
        return a * 60_000_000 + micros
    }

    /// After the leading `P`: `[nW][nD][T[nH][nM][n[.f]S]]`, at least one component.
    private static func isoMicros(_ c: inout ByteCursor) -> Int? {
        var total = 0
        var components = 0
        var inTime = false
        var lastRank = 0
        while let b = c.peek {
            if b == 0x54 || b == 0x74 {
                guard !inTime else { return nil }
                inTime = true
                c.index += 1
                continue
            }
            guard let value = decimalMicros(&c), let unit = c.peek else { return nil }
            c.index += 1
            let rank: Int
            let scale: Int
            switch (ASCIIByte.lowercased(unit), inTime) {
            case (0x77, false): rank = 1; scale = 7 * 86_400
            case (0x64, false): rank = 2; scale = 86_400
            case (0x68, true): rank = 3; scale = 3600
            case (0x6D, true): rank = 4; scale = 60
            case (0x73, true): rank = 5; scale = 1
            default: return nil
            }
            guard rank > lastRank, rank == 5 || value % 1_000_000 == 0 else { return nil }
            lastRank = rank
            let (scaled, overflow) = value.multipliedReportingOverflow(by: scale)
            guard !overflow, scaled <= Int.max - total else { return nil }
            total += scaled
            components += 1
        }
        guard components > 0, !(inTime && lastRank < 3) else { return nil }
        return total
    }
}
