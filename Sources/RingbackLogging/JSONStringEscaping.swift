/// JSON string literals that are pure ASCII: quotes, backslashes and control characters escaped as JSON
/// requires, and every non-ASCII scalar (U+2028 and U+2029 among them, which break JavaScript readers and
/// some line splitters) as `\uXXXX`, astral ones as surrogate pairs. A line survives any locale or transport.
enum JSONStringEscaping {
    static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            append(scalar, to: &out)
        }
        out.append("\"")
        return out
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar {
        case "\"": out.append("\\\"")
        case "\\": out.append("\\\\")
        case "\n": out.append("\\n")
        case "\r": out.append("\\r")
        case "\t": out.append("\\t")
        case "\u{08}": out.append("\\b")
        case "\u{0C}": out.append("\\f")
        default:
            if scalar.value >= 0x20 && scalar.value < 0x7F {
                out.unicodeScalars.append(scalar)
            } else {
                appendUnicodeEscape(scalar.value, to: &out)
            }
        }
    }

    /// `\uXXXX`, or a surrogate pair above U+FFFF.
    private static func appendUnicodeEscape(_ value: UInt32, to out: inout String) {
        guard value > 0xFFFF else { return appendHex(value, to: &out) }
        let offset = value - 0x10000
        appendHex(0xD800 + (offset >> 10), to: &out)
        appendHex(0xDC00 + (offset & 0x3FF), to: &out)
    }

    private static func appendHex(_ unit: UInt32, to out: inout String) {
        let hex = String(unit, radix: 16)
        out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
    }
}
