import Foundation

/// `2026-11-20T23:00:01Z WARNING message key=value key2=value2`: for people reading cron mail.
/// Metadata is sorted by key; a value with spaces, quotes or `=` is quoted; control characters and
/// U+2028/U+2029 are shown as escapes so every record stays on one line. The label is not printed.
package struct TextLineEncoder: LogLineEncoder {
    package init() {}

    package func line(for record: LogRecord) -> String {
        var parts = [LogTimestamp.text(record.time), record.level.rawValue.uppercased(), Self.oneLine(record.message)]
        for (key, value) in record.sortedMetadata {
            parts.append(Self.oneLine(key) + "=" + Self.quotedIfNeeded(value))
        }
        return parts.joined(separator: " ")
    }

    private static func quotedIfNeeded(_ value: String) -> String {
        let plain = !value.isEmpty && !value.unicodeScalars.contains { $0 == " " || $0 == "\"" || $0 == "=" }
        if plain { return oneLine(value) }
        let inner = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"" + oneLine(inner) + "\""
    }

    /// Replaces line breaks and other control characters with visible escapes.
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return "\\u{" + String(scalar.value, radix: 16) + "}"
        }
    }
}
