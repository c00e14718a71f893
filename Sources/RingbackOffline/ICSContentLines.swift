import RingbackCodecs

/// An `.ics` file read as nested components with their properties' parameters kept (TZID, VALUE=DATE),
/// which reading a crew calendar needs. Lenient: lines that are not content lines are skipped.
struct ICSNode: Sendable {
    struct Property: Sendable {
        var name: String
        var parameters: [String: String]
        var value: String

        func parameter(_ name: String) -> String? { parameters[name] }
    }

    var name: String
    var properties: [Property] = []
    var children: [ICSNode] = []

    func first(_ name: String) -> Property? { properties.first { $0.name == name } }
    func all(_ name: String) -> [Property] { properties.filter { $0.name == name } }

    /// Every component named `name` at any depth.
    func components(_ name: String) -> [ICSNode] {
        children.flatMap { $0.name == name ? [$0] : $0.components(name) }
    }

    static func parse(_ text: String) -> ICSNode {
        var stack = [ICSNode(name: "ROOT")]
        for line in unfold(text) {
            guard let property = contentLine(line) else { continue }
            if property.name == "BEGIN" {
                stack.append(ICSNode(name: property.value.uppercased()))
            } else if property.name == "END", stack.count > 1 {
                let done = stack.removeLast()
                stack[stack.count - 1].children.append(done)
            } else {
                stack[stack.count - 1].properties.append(property)
            }
        }
        while stack.count > 1 {
            let open = stack.removeLast()
            stack[stack.count - 1].children.append(open)
        }
        return stack[0]
    }

    static func unfold(_ text: String) -> [String] {
        var lines: [String] = []
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if let first = raw.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += raw.dropFirst()
            } else if !raw.isEmpty {
                lines.append(String(raw))
            }
        }
        return lines
    }

    /// `NAME;PARAM=VALUE;PARAM="quoted:value":value`; colons inside quoted parameter values do not end the name.
    static func contentLine(_ line: String) -> Property? {
        var inQuotes = false
        var colon: String.Index?
        for index in line.indices {
            let character = line[index]
            if character == "\"" { inQuotes.toggle() }
            if character == ":" && !inQuotes {
                colon = index
                break
            }
        }
        guard let colon else { return nil }
        let head = line[..<colon].split(separator: ";", omittingEmptySubsequences: false)
        guard let name = head.first, !name.isEmpty else { return nil }
        var parameters: [String: String] = [:]
        for part in head.dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { continue }
            var value = String(part[part.index(after: equals)...])
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            parameters[part[..<equals].uppercased()] = value
        }
        return Property(name: name.uppercased(), parameters: parameters, value: String(line[line.index(after: colon)...]))
    }

    /// A TEXT value with its escapes undone.
    static func text(_ value: String) -> String { ICalendarReader.unescape(value) }
}
