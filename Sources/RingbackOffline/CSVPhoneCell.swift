/// The Phone column of a North American business's CSV, written `(512) 555-0142`: LibreOffice reads
/// that as text (measured: with and without "detect special numbers") and Excel takes no formula from
/// it, so no apostrophe is needed, unlike `+15125550142`, which LibreOffice turns into a number and
/// Excel into a formula. Read back, exactly that form is the E.164 number again, so nothing is pinned.
package enum CSVPhoneCell {
    /// `+15125550142` → `(512) 555-0142`; nil for anything else (another country, "Anonymous").
    package static func display(_ cell: String) -> String? {
        let utf8 = Array(cell.utf8)
        guard utf8.count == 12, cell.hasPrefix("+1"), utf8.dropFirst(2).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let d = Array(cell.dropFirst(2))
        return "(\(String(d[0..<3]))) \(String(d[3..<6]))-\(String(d[6..<10]))"
    }

    /// `(512) 555-0142` → `+15125550142`; nil for any other text.
    package static func e164(_ cell: String) -> String? {
        let digits = cell.filter(\.isASCIIDigit)
        guard digits.count == 10 else { return nil }
        let number = "+1" + digits
        return display(number) == cell ? number : nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
