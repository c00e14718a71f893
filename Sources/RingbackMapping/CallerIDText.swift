/// Splits caller-ID text like `"Maria Lopez" <5125550100>` into its name and number.
enum CallerIDText {
    /// Whether the text has the `<number>` part; checked on bytes, as most exports never have it.
    static func hasAngleBrackets(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "<"))
    }

    static func name(_ text: String) -> String {
        guard hasAngleBrackets(text), let open = text.firstIndex(of: "<") else {
            return text.contains(where: \.isNumber) ? "" : text.trimmingWhitespace()
        }
        var name = String(text[..<open]).trimmingWhitespace()
        if name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 { name = String(name.dropFirst().dropLast()) }
        return name.trimmingWhitespace()
    }

    static func number(_ text: String) -> String {
        guard hasAngleBrackets(text), let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") else { return text }
        return String(text[text.index(after: open)..<close])
    }
}
