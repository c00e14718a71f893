/// A compiled wall-clock timestamp pattern from a mapping file, for exports that write local
/// times without a zone (Asterisk CDR, spreadsheets re-saved by hand).
///
/// Tokens: `yyyy` `yy` (20yy), `M` `MM` `MMM` (Jan/January), `d` `dd`, `H` `HH` (0-23),
/// `h` `hh` (1-12, needs `a`), `m` `mm`, `s` `ss`, `S`…`SSSSSSSSS` (fraction, 1-9 digits read),
/// `a` (AM/PM or a.m./p.m., any case), `EEE` (weekday name, ignored). Anything else is literal;
/// text in single quotes is literal (`''` is a quote). A run of spaces matches one or more
/// whitespace characters (or none before `a`). Single-letter numeric tokens read 1-2 digits; double
/// letters read exactly 2 digits when touching another number token (`yyyyMMdd`), otherwise 1-2.
public struct LocalPattern: Hashable, Sendable, CustomStringConvertible {
    public let format: String
    private let tokens: [Token]

    enum Field: UInt8, Hashable, Sendable {
        case year, year2, month, day, hour24, hour12, minute, second
    }

    enum Token: Hashable, Sendable {
        case number(Field, min: Int, max: Int)
        case fraction
        case meridiem
        case monthName
        case weekdayName
        case space
        case literal(UInt8)
    }

    struct Fields {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, nanos = 0
    }

    public init(_ format: String) throws(LocalPatternError) {
        self.format = format
        self.tokens = try Self.compile(format)
    }

    public var description: String { format }

    public static func == (a: LocalPattern, b: LocalPattern) -> Bool { a.format == b.format }
    public func hash(into hasher: inout Hasher) { hasher.combine(format) }

    // MARK: Compiling

    private static func compile(_ format: String) throws(LocalPatternError) -> [Token] {
        var compiler = PatternCompiler(format: format)
        try compiler.tokenize()
        try compiler.checkFields()
        return compiler.relaxedWidths()
    }

    /// Turns a format into tokens, recording which fields it names.
    private struct PatternCompiler {
        let format: String
        let bytes: [UInt8]
        var raw: [Token] = []
        var seen: Set<String> = []
        var i = 0

        init(format: String) {
            self.format = format
            self.bytes = Array(format.utf8)
        }

        func fail(_ message: String) -> LocalPatternError { LocalPatternError(format: format, message: message) }

        mutating func tokenize() throws(LocalPatternError) {
            while i < bytes.count {
                let b = bytes[i]
                if b == ASCIIByte.apostrophe {
                    try quoted()
                } else if ASCIIByte.isWhitespace(b) {
                    if raw.last != .space { raw.append(.space) }
                    i += 1
                } else if !"yMdHhmsSaE".utf8.contains(b) {
                    raw.append(.literal(ASCIIByte.isLetter(b) ? ASCIIByte.lowercased(b) : b))
                    i += 1
                } else {
                    try field(b)
                }
            }
        }

        /// `''` is one quote; otherwise the text up to the closing quote is literal.
        private mutating func quoted() throws(LocalPatternError) {
            if i + 1 < bytes.count, bytes[i + 1] == ASCIIByte.apostrophe {
                raw.append(.literal(ASCIIByte.apostrophe))
                i += 2
                return
            }
            guard let close = bytes[(i + 1)...].firstIndex(of: ASCIIByte.apostrophe) else {
                throw fail("unterminated quoted literal starting at position \(i + 1)")
            }
            for q in (i + 1)..<close { raw.append(ASCIIByte.isWhitespace(bytes[q]) ? .space : .literal(ASCIIByte.lowercased(bytes[q]))) }
            i = close + 1
        }

        /// A run of one pattern letter; each field may appear once.
        private mutating func field(_ b: UInt8) throws(LocalPatternError) {
            var n = 1
            while i + n < bytes.count, bytes[i + n] == b { n += 1 }
            guard let (token, field) = Self.token(b, n) else {
                let run = String(decoding: bytes[i..<(i + n)], as: UTF8.self)
                throw fail(
                    "unsupported token \"\(run)\" at position \(i + 1); "
                        + "use yyyy, yy, M, MM, MMM, d, dd, H, HH, h, hh, m, mm, s, ss, SSS, a or EEE, "
                        + "and quote literal letters like 'T'")
            }
            guard seen.insert(field).inserted else { throw fail("the \(field) appears twice") }
            raw.append(token)
            i += n
        }

        /// The token for `n` repeats of letter `b`, and the field it names.
        private static func token(_ b: UInt8, _ n: Int) -> (Token, String)? {
            switch (b, n) {
            case (0x79, 4): (.number(.year, min: 4, max: 4), "year")
            case (0x79, 2): (.number(.year2, min: 2, max: 2), "year")
            case (0x4D, 1), (0x4D, 2): (.number(.month, min: n, max: 2), "month")
            case (0x4D, 3), (0x4D, 4): (.monthName, "month")
            case (0x64, 1), (0x64, 2): (.number(.day, min: n, max: 2), "day")
            case (0x48, 1), (0x48, 2): (.number(.hour24, min: n, max: 2), "hour")
            case (0x68, 1), (0x68, 2): (.number(.hour12, min: n, max: 2), "hour")
            case (0x6D, 1), (0x6D, 2): (.number(.minute, min: n, max: 2), "minute")
            case (0x73, 1), (0x73, 2): (.number(.second, min: n, max: 2), "second")
            case (0x53, 1...9): (.fraction, "fraction")
            case (0x61, 1): (.meridiem, "AM/PM")
            case (0x45, 1...4): (.weekdayName, "weekday")
            default: nil
            }
        }

        /// The date must be complete, and each time field needs the larger one before it.
        func checkFields() throws(LocalPatternError) {
            guard seen.contains("year") else { throw fail("no year (yyyy or yy)") }
            guard seen.contains("month") else { throw fail("no month (M, MM or MMM)") }
            guard seen.contains("day") else { throw fail("no day (d or dd)") }
            let hasMeridiem = seen.contains("AM/PM")
            let twelveHour = raw.contains {
                if case .number(.hour12, _, _) = $0 { return true }
                return false
            }
            if twelveHour, !hasMeridiem { throw fail("12-hour h/hh needs an AM/PM marker a; use H/HH for 24-hour times") }
            if hasMeridiem, !twelveHour { throw fail("AM/PM marker a needs a 12-hour h/hh") }
            if seen.contains("minute"), !seen.contains("hour") { throw fail("minutes (m) without an hour (H or h); months are M") }
            if seen.contains("second"), !seen.contains("minute") { throw fail("seconds without minutes") }
            if seen.contains("fraction"), !seen.contains("second") { throw fail("fraction (S) without seconds") }
        }

        /// Double-letter numbers (other than `yy`) read 1-2 digits unless they touch another number token.
        func relaxedWidths() -> [Token] {
            raw.enumerated().map { k, token in
                guard case .number(let f, let min, let max) = token, min == 2, max == 2, f != .year2,
                    !isNumeric(k - 1), !isNumeric(k + 1)
                else { return token }
                return .number(f, min: 1, max: 2)
            }
        }

        private func isNumeric(_ k: Int) -> Bool {
            guard raw.indices.contains(k) else { return false }
            switch raw[k] {
            case .number, .fraction: return true
            default: return false
            }
        }
    }

    // MARK: Matching

    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Fields? {
        var c = ByteCursor(bytes)
        var f = Fields()
        var pm: Bool?
        for (k, token) in tokens.enumerated() {
            switch token {
            case .number(let field, let min, let max):
                guard let v = c.digits(min: min, max: max) else { return nil }
                switch field {
                case .year: f.year = v
                case .year2: f.year = 2000 + v
                case .month: f.month = v
                case .day: f.day = v
                case .hour24, .hour12: f.hour = v
                case .minute: f.minute = v
                case .second: f.second = v
                }
            case .fraction:
                guard let n = c.fractionNanoseconds() else { return nil }
                f.nanos = n
            case .meridiem:
                if c.consume(lowercased: "am") || c.consume(lowercased: "a.m.") {
                    pm = false
                } else if c.consume(lowercased: "pm") || c.consume(lowercased: "p.m.") {
                    pm = true
                } else {
                    return nil
                }
            case .monthName:
                guard let m = NameTables.month(c.bytes, c.letters()) else { return nil }
                f.month = m
            case .weekdayName:
                guard NameTables.weekday(c.bytes, c.letters()) != nil else { return nil }
            case .space:
                let next = k + 1 < tokens.count ? tokens[k + 1] : nil
                if c.skipWhitespace() == 0, next != .meridiem { return nil }
            case .literal(let b):
                guard let x = c.peek, ASCIIByte.lowercased(x) == b else { return nil }
                c.index += 1
            }
        }
        guard c.atEnd else { return nil }
        if let pm {
            guard f.hour >= 1, f.hour <= 12 else { return nil }
            f.hour = f.hour % 12 + (pm ? 12 : 0)
        }
        guard CivilCalendar.isValidDate(year: f.year, month: f.month, day: f.day),
            f.hour < 24, f.minute < 60, f.second < 60
        else { return nil }
        return f
    }
}
