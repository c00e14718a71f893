/// Reads back the components of an `.ics` file (unfolded, TEXT unescaped), so a target can see what it
/// holds before planning. Lenient: unknown or malformed lines are skipped.
public enum ICalendarReader {
    /// One property of a component, with its parameters (names upper-cased, values unquoted).
    public struct Property: Sendable, Hashable {
        public var name: String
        public var value: String
        public var parameters: [String: String] = [:]
    }

    /// The properties of every component named `name` (e.g. VEVENT), in file order.
    public static func components(named name: String, in text: String) -> [[Property]] {
        var components: [[Property]] = []
        var current: [Property]?
        for line in unfold(text) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let head = line[..<colon]
            let headParts = head.split(separator: ";")
            let propertyName = String(headParts.first ?? head).uppercased()
            let value = String(line[line.index(after: colon)...])
            if propertyName == "BEGIN" && value.uppercased() == name.uppercased() {
                current = []
            } else if propertyName == "END" && value.uppercased() == name.uppercased() {
                if let done = current { components.append(done) }
                current = nil
            } else if current != nil {
                current!.append(Property(name: propertyName, value: unescape(value), parameters: parameters(headParts.dropFirst())))
            }
        }
        return components
    }

    private static func parameters(_ parts: ArraySlice<Substring>) -> [String: String] {
        var out: [String: String] = [:]
        for part in parts {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let value = part[part.index(after: equals)...]
            out[part[..<equals].uppercased()] = String(
                value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? value.dropFirst().dropLast() : value)
        }
        return out
    }

    static func unfold(_ text: String) -> [String] {
        var lines: [String] = []
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += line.dropFirst()
            } else if !line.isEmpty {
                lines.append(line)
            }
        }
        return lines
    }

    /// Undoes RFC 5545 TEXT escaping: `\\`, `\;`, `\,`, `\n` / `\N`.
    public static func unescape(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var out = ""
        var escaped = false
        for character in value {
            if escaped {
                switch character {
                case "n", "N": out.append("\n")
                default: out.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
