/// Turns the caller-ID text of a phone-system export into an E.164 number (or says why not),
/// reading national numbers by the business's own country.
///
/// A value type built once and reused; the common `+1…` / 10- or 11-digit case allocates nothing
/// beyond the result (which fits in a small string). Nothing is guessed: spreadsheet-mangled
/// scientific notation, vanity letters and wrong lengths are reported as `.unusable`.
///
/// National numbers must carry the country's trunk prefix (`020…` in GB); digits that instead
/// start with the country's own calling code and have the right length (`442079460958`) are read
/// as international numbers whose `+` was lost. A redundant trunk 0 after `+CC` (`+44 (0)20…`,
/// `+44 020…`) is dropped for countries whose numbers never start with 0.
public struct PhoneNormaliser: Sendable {
    /// ISO 3166 alpha-2 code of the country national numbers are read in.
    public let defaultCountry: String
    private let plan: NumberingPlan
    /// The default country's calling code (1 for North America).
    public var callingCode: Int { Int(plan.callingCode) }

    public static var supportedCountries: [String] { NumberingPlan.supportedCountries }

    public init(defaultCountry: String) throws(PhoneNormaliserError) {
        let code = defaultCountry.trimmingASCIIWhitespace().uppercased()
        guard let plan = NumberingPlan.byCountry[code] else {
            throw PhoneNormaliserError.unsupportedCountry(defaultCountry, supported: NumberingPlan.supportedCountries)
        }
        self.defaultCountry = code
        self.plan = plan
    }

    public func normalise(_ raw: String) -> PhoneNumberResult {
        raw.withUTF8Bytes { normalise($0) }
    }

    public func normalise(_ bytes: UnsafeBufferPointer<UInt8>) -> PhoneNumberResult {
        var (lo, hi) = trimmed(bytes, 0, bytes.count)
        (lo, hi) = unwrapped(bytes, lo, hi)
        if lo == hi { return .anonymous }
        if bytes[hi - 1] == ASCIIByte.greaterThan, let open = lastIndex(of: ASCIIByte.lessThan, in: bytes, lo, hi - 1) {
            (lo, hi) = trimmed(bytes, open + 1, hi - 1)
            if lo == hi { return .anonymous }
        }
        var telURI = false
        if ASCIIByte.isLetter(bytes[lo]) {
            if bytes.hasLowercasedPrefix("tel:", at: lo, end: hi) {
                (lo, hi) = trimmed(bytes, lo + 4, hi)
                telURI = true
            } else if bytes.hasLowercasedPrefix("sip:", at: lo, end: hi) {
                return uri(bytes, lo, hi, userStart: lo + 4)
            } else if bytes.hasLowercasedPrefix("sips:", at: lo, end: hi) {
                return uri(bytes, lo, hi, userStart: lo + 5)
            } else if bytes.hasLowercasedPrefix("client:", at: lo, end: hi) {
                return uri(bytes, lo, hi, userStart: lo + 7)
            } else if AnonymousCallerMarkers.isName(bytes, lo, hi) {
                return .anonymous
            } else if contains(ASCIIByte.at, in: bytes, lo, hi) {
                return uri(bytes, lo, hi, userStart: lo)
            }
        }
        hi = droppingSpreadsheetDecimal(bytes, lo, hi)
        return scan(bytes, lo, hi, telURI: telURI)
    }

    // MARK: Scanning

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, telURI: Bool) -> PhoneNumberResult {
        var digits = DigitRun()
        var plus = false
        var ext: Range<Int>?
        var i = lo
        scanning: while i < hi {
            let b = bytes[i]
            let d = b &- ASCIIByte.zero
            if d < 10 {
                _ = digits.append(d)
                i += 1
                continue
            }
            switch b {
            case ASCIIByte.space, ASCIIByte.minus, ASCIIByte.dot, ASCIIByte.slash, ASCIIByte.closeParen, ASCIIByte.tab:
                i += 1
            case ASCIIByte.openParen:
                let trunkHint =
                    plus && digits.count > 0 && i + 2 < hi
                    && bytes[i + 1] == ASCIIByte.zero && bytes[i + 2] == ASCIIByte.closeParen
                i += trunkHint ? 3 : 1
            case ASCIIByte.plus:
                guard digits.count == 0, !plus else { return rejectCharacter(bytes, lo, hi, at: i) }
                plus = true
                i += 1
            case ASCIIByte.hash, ASCIIByte.comma:
                guard digits.count > 0, let e = extensionDigits(bytes, i + 1, hi, skipping: b) else {
                    if isScientificNotation(bytes, lo, hi) { return scientificNotation(bytes) }
                    return unusable(bytes, "has an unreadable extension after \"\(Character(Unicode.Scalar(b)))\"")
                }
                ext = e
                break scanning
            case ASCIIByte.semicolon where telURI || bytes.hasLowercasedPrefix(";ext=", at: i, end: hi):
                ext = extensionParameter(bytes, i, hi)
                break scanning
            case ASCIIByte.at:
                return uri(bytes, lo, hi, userStart: lo)
            case 0xC2 where i + 1 < hi && bytes[i + 1] == 0xA0:
                i += 2
            case 0xE2 where i + 2 < hi && bytes[i + 1] == 0x80 && (bytes[i + 2] <= 0x95 || bytes[i + 2] == 0xAF):
                i += 3
            case 0xEF where i + 2 < hi && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF:
                i += 3
            default:
                if ASCIIByte.isLetter(b), digits.count > 0, let e = extensionAfterMarker(bytes, i, hi) {
                    ext = e
                    break scanning
                }
                return rejectCharacter(bytes, lo, hi, at: i)
            }
        }
        return classify(digits, plus: plus, ext: ext, bytes)
    }

    private func classify(_ digits: DigitRun, plus: Bool, ext: Range<Int>?, _ bytes: UnsafeBufferPointer<UInt8>) -> PhoneNumberResult {
        if digits.count == 0 { return .anonymous }
        if digits.count > DigitRun.capacity {
            return unusable(bytes, "has \(digits.count) digits; phone numbers have at most 15")
        }
        if digits.value == 0, digits.count >= 7 { return .anonymous }
        if AnonymousCallerMarkers.isPlaceholder(digits, plus: plus) { return .anonymous }
        if !plus {
            if digits.count >= 2, digits.count <= 6, ext == nil { return .shortCode(digits.text(plus: false)) }
            if digits.count < 2 { return unusable(bytes, "has only 1 digit; expected a 2–6 digit extension or a full phone number") }
            for p in plan.internationalPrefixes where digits.count > p.length && digits.hasPrefix(p.value, length: p.length) {
                return international(digits.droppingLeading(p.length), ext: ext, bytes)
            }
            return national(digits, ext: ext, bytes)
        }
        return international(digits, ext: ext, bytes)
    }

    // MARK: Numbering rules

    private func international(_ d: DigitRun, ext: Range<Int>?, _ bytes: UnsafeBufferPointer<UInt8>) -> PhoneNumberResult {
        guard let ccLength = CountryCallingCodes.codeLength(of: d) else {
            return unusable(bytes, "does not start with a known country calling code after + or the international prefix")
        }
        if d.count > 15 {
            return unusable(bytes, "has \(d.count) digits including the country code; international numbers have at most 15")
        }
        let cc = d.leading(ccLength)
        var nsn = d.droppingLeading(ccLength)
        if cc == 1 {
            guard nsn.count == 10 else {
                return unusable(bytes, "North American (+1) numbers have 10 digits after the 1; got \(nsn.count)")
            }
            return nanp(nsn, ext: ext, bytes)
        }
        guard let target = NumberingPlan.byCallingCode[cc] else {
            guard d.count >= 8 else {
                return unusable(bytes, "has \(d.count) digits including the country code; international numbers have 8–15")
            }
            return number(d, ext: ext, bytes)
        }
        if target.trunk == .zero, nsn.count > 1, nsn.digit(at: 0) == 0 { nsn = nsn.droppingLeading(1) }
        if target.callingCode == 52, nsn.count == 11, nsn.digit(at: 0) == 1 { nsn = nsn.droppingLeading(1) }
        guard target.lengths.contains(nsn.count) else {
            return unusable(bytes, "\(target.name) (+\(cc)) numbers have \(target.lengthsText()) digits after +\(cc); got \(nsn.count)")
        }
        return number(nsn.prepending(cc, length: ccLength), ext: ext, bytes)
    }

    private func national(_ d: DigitRun, ext: Range<Int>?, _ bytes: UnsafeBufferPointer<UInt8>) -> PhoneNumberResult {
        let cc = plan.callingCode
        switch plan.trunk {
        case .nanp:
            if d.count == 10 { return nanp(d, ext: ext, bytes) }
            if d.count == 11, d.digit(at: 0) == 1 { return nanp(d.droppingLeading(1), ext: ext, bytes) }
            if d.count == 7 {
                return unusable(bytes, "has 7 digits: the area code is missing; \(plan.name) numbers need 10 digits (or 11 starting with 1)")
            }
            return unusable(bytes, "has \(d.count) digits; \(plan.name) numbers need 10 digits (or 11 starting with 1), or + and a country code")
        case .zero:
            if d.digit(at: 0) == 0 {
                let nsn = d.droppingLeading(1)
                guard plan.lengths.contains(nsn.count) else {
                    return unusable(bytes, "\(plan.name) numbers have \(plan.lengthsText()) digits after the leading 0; got \(nsn.count)")
                }
                return number(nsn.prepending(cc, length: plan.callingCodeLength), ext: ext, bytes)
            }
            if plan.trunkOptional, plan.lengths.contains(d.count) {
                return number(d.prepending(cc, length: plan.callingCodeLength), ext: ext, bytes)
            }
        case .keptZero, .none:
            if plan.lengths.contains(d.count) {
                return number(d.prepending(cc, length: plan.callingCodeLength), ext: ext, bytes)
            }
        }
        if d.hasPrefix(cc, length: plan.callingCodeLength), plan.lengths.contains(d.count - plan.callingCodeLength) {
            return number(d, ext: ext, bytes)
        }
        let national = plan.trunk == .zero ? "a leading 0 and \(plan.lengthsText()) more digits" : "\(plan.lengthsText()) digits"
        return unusable(bytes, "has \(d.count) digits; \(plan.name) numbers need \(national), or + and a country code")
    }

    private func nanp(_ nsn: DigitRun, ext: Range<Int>?, _ bytes: UnsafeBufferPointer<UInt8>) -> PhoneNumberResult {
        if nsn.digit(at: 0) < 2 {
            return unusable(bytes, "area code \(nsn.leading(3).paddedTo(3)) is not valid; North American area codes start with 2–9")
        }
        if nsn.digit(at: 3) < 2 {
            return unusable(bytes, "exchange \(nsn.droppingLeading(3).leading(3).paddedTo(3)) is not valid; North American exchanges start with 2–9")
        }
        return number(nsn.prepending(1, length: 1), ext: ext, bytes)
    }

    @inline(__always)
    private func number(_ e164: DigitRun, ext: Range<Int>?, _ bytes: UnsafeBufferPointer<UInt8>) -> PhoneNumberResult {
        .number(e164: e164.text(plus: true), extension: ext.map { String(decoding: bytes[$0], as: UTF8.self) })
    }

    // MARK: Pieces

    /// Trims ASCII whitespace plus no-break spaces and a byte-order mark.
    private func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> (Int, Int) {
        var (lo, hi) = bytes.trimmedBounds(lo, hi)
        while true {
            if hi - lo >= 2, bytes[lo] == 0xC2, bytes[lo + 1] == 0xA0 {
                lo += 2
            } else if hi - lo >= 3, bytes[lo] == 0xEF, bytes[lo + 1] == 0xBB, bytes[lo + 2] == 0xBF {
                lo += 3
            } else if hi - lo >= 2, bytes[hi - 2] == 0xC2, bytes[hi - 1] == 0xA0 {
                hi -= 2
            } else {
                return (lo, hi)
            }
            (lo, hi) = bytes.trimmedBounds(lo, hi)
        }
    }

    /// Strips spreadsheet text markers: `'5125550100`, `="5125550100"`, `"5125550100"`.
    private func unwrapped(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> (Int, Int) {
        var lo = lo, hi = hi
        if hi - lo >= 3, bytes[lo] == ASCIIByte.equals, bytes[lo + 1] == ASCIIByte.quote { lo += 1 }
        if hi - lo >= 2, bytes[lo] == ASCIIByte.quote, bytes[hi - 1] == ASCIIByte.quote { return trimmed(bytes, lo + 1, hi - 1) }
        if hi - lo >= 1, bytes[lo] == ASCIIByte.apostrophe { return trimmed(bytes, lo + 1, hi) }
        return (lo, hi)
    }

    /// `15125550100.0` → `15125550100`: a number a spreadsheet turned into a float but whose digits are intact.
    private func droppingSpreadsheetDecimal(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        guard hi - lo >= 3, bytes[hi - 1] == ASCIIByte.zero else { return hi }
        var dot = hi - 1
        while dot > lo, bytes[dot] == ASCIIByte.zero { dot -= 1 }
        guard bytes[dot] == ASCIIByte.dot else { return hi }
        var i = bytes[lo] == ASCIIByte.plus ? lo + 1 : lo
        guard dot - i >= 7 else { return hi }
        while i < dot {
            guard ASCIIByte.isDigit(bytes[i]) else { return hi }
            i += 1
        }
        return dot
    }

    private func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        for i in lo..<hi where bytes[i] == byte { return true }
        return false
    }

    private func lastIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int? {
        var i = hi
        while i > lo {
            i -= 1
            if bytes[i] == byte { return i }
        }
        return nil
    }

    /// `sip:`, `sips:`, `client:` or bare `user@host`: anonymous when the user part says so, else verbatim.
    private func uri(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, userStart: Int) -> PhoneNumberResult {
        var userEnd = userStart
        while userEnd < hi, bytes[userEnd] != ASCIIByte.at, bytes[userEnd] != ASCIIByte.semicolon { userEnd += 1 }
        if userEnd == userStart || AnonymousCallerMarkers.isName(bytes, userStart, userEnd) { return .anonymous }
        return .sip(String(decoding: bytes[lo..<hi], as: UTF8.self))
    }

    /// After `#` or `,`: further marker bytes and spaces, then 1–10 digits to the end.
    private func extensionDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ hi: Int, skipping marker: UInt8) -> Range<Int>? {
        var i = from
        while i < hi, bytes[i] == marker || bytes[i] == ASCIIByte.space { i += 1 }
        let start = i
        while i < hi, ASCIIByte.isDigit(bytes[i]) { i += 1 }
        let end = i
        while i < hi, bytes[i] == ASCIIByte.space || bytes[i] == marker { i += 1 }
        guard i == hi, end > start, end - start <= 10 else { return nil }
        return start..<end
    }

    /// `x12`, `ext 12`, `ext. 12`, `extn 12`, `extension: 12` at the end of the text.
    private func extensionAfterMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ hi: Int) -> Range<Int>? {
        var i = at
        if bytes.hasLowercasedPrefix("extension", at: i, end: hi) {
            i += 9
        } else if bytes.hasLowercasedPrefix("extn", at: i, end: hi) {
            i += 4
        } else if bytes.hasLowercasedPrefix("ext", at: i, end: hi) {
            i += 3
        } else if ASCIIByte.lowercased(bytes[i]) == 0x78 {
            i += 1
        } else {
            return nil
        }
        while i < hi, bytes[i] == ASCIIByte.dot || bytes[i] == ASCIIByte.colon || bytes[i] == ASCIIByte.space { i += 1 }
        return extensionDigits(bytes, i, hi, skipping: ASCIIByte.space)
    }

    /// RFC 3966 parameters (`;ext=12;phone-context=…`): returns the `ext` value, ignores the rest.
    private func extensionParameter(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ hi: Int) -> Range<Int>? {
        var i = at
        while i < hi {
            i += 1
            if bytes.hasLowercasedPrefix("ext=", at: i, end: hi) {
                let start = i + 4
                var end = start
                while end < hi, ASCIIByte.isDigit(bytes[end]) { end += 1 }
                if end > start { return start..<end }
            }
            while i < hi, bytes[i] != ASCIIByte.semicolon { i += 1 }
        }
        return nil
    }

    private func rejectCharacter(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, at i: Int) -> PhoneNumberResult {
        if isScientificNotation(bytes, lo, hi) { return scientificNotation(bytes) }
        let b = bytes[i]
        if ASCIIByte.isLetter(b) {
            var hasDigit = false
            for k in lo..<hi where ASCIIByte.isDigit(bytes[k]) { hasDigit = true; break }
            return unusable(
                bytes,
                hasDigit
                    ? "contains letters; vanity numbers such as 1-800-FLOWERS are not translated to digits"
                    : "is text, not a phone number")
        }
        let shown = b < 0x80 ? "\"\(Character(Unicode.Scalar(b)))\"" : "a non-ASCII character"
        return unusable(bytes, "contains unexpected character \(shown) at position \(i + 1)")
    }

    /// `1.51255E+10`, `1.51255e10`, `5.12555E+09`.
    private func isScientificNotation(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        var i = lo
        if i < hi, bytes[i] == ASCIIByte.plus || bytes[i] == ASCIIByte.minus { i += 1 }
        let mantissa = i
        while i < hi, ASCIIByte.isDigit(bytes[i]) { i += 1 }
        guard i > mantissa else { return false }
        if i < hi, bytes[i] == ASCIIByte.dot || bytes[i] == ASCIIByte.comma {
            i += 1
            while i < hi, ASCIIByte.isDigit(bytes[i]) { i += 1 }
        }
        guard i < hi, bytes[i] | 0x20 == 0x65 else { return false }
        i += 1
        if i < hi, bytes[i] == ASCIIByte.plus || bytes[i] == ASCIIByte.minus { i += 1 }
        let exponent = i
        while i < hi, ASCIIByte.isDigit(bytes[i]) { i += 1 }
        return i > exponent && i == hi
    }

    private func scientificNotation(_ bytes: UnsafeBufferPointer<UInt8>) -> PhoneNumberResult {
        unusable(bytes, "number was converted to scientific notation by a spreadsheet; digits are lost")
    }

    private func unusable(_ bytes: UnsafeBufferPointer<UInt8>, _ reason: String) -> PhoneNumberResult {
        .unusable(raw: String(decoding: bytes, as: UTF8.self), reason: reason)
    }
}

extension UInt64 {
    fileprivate func paddedTo(_ width: Int) -> String {
        let s = String(self)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

extension String {
    fileprivate func trimmingASCIIWhitespace() -> String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
