/// Text from callers and phone systems can hold characters that some readers take as line breaks
/// (U+2028, U+2029, U+0085, a lone CR, VT, FF; Python's `str.splitlines()` splits on all of them) and
/// other control characters. Written as they are, a caller's name could start a property of its own in
/// a calendar file (`ATTENDEE:…`) or a row of its own in a line-based reader. Every writer of the
/// office's files and of Google passes its text through `clean`, the one place that decides:
///
/// - LF, and CRLF (made LF), stay: the one real line break, which each format writes its own way —
///   ICS TEXT as the escape `\n`, a CSV cell as a line break inside quotes (a note typed with
///   Alt+Enter stays a note on two lines), a Google cell as a line break in the cell.
/// - A lone CR, U+2028, U+2029, U+0085, VT, FF and every other C0/C1 control character and DEL become
///   one space each. TAB stays (no reader breaks a line on it).
public enum LineSafeText {
    /// `text` with only LF left as a line break and no control character but TAB.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isSuspect) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n", "\t": out.append(scalar)
            case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n": continue
            case _ where isSuspect(scalar): out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `text` has nothing `clean` would change.
    public static func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains(where: isSuspect)
    }

    private static func isSuspect(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }
}
