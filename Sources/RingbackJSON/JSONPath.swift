/// A path into a JSON document as mapping files write it: object members by dotted key
/// (`meta.next_page_uri`), list items by position (`participants[0]`, `[-1]` for the last), and the
/// first item whose member equals (or differs from) a value (`participants[?role == "external"]`).
/// Parsed once, so a mistake is found when the mapping is loaded, with the character it is at.
package struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    package enum Step: Sendable, Hashable {
        case key(String)
        case index(Int)
        /// The first item of a list whose value at `member` is (`equals`) or is not `value`.
        case filter(member: [String], equals: Bool, value: String)
    }

    package let steps: [Step]
    package let description: String

    /// Why a path cannot be read, and the 1-based character where reading stopped.
    package struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        package let position: Int
        package let message: String
        package var description: String { "at character \(position): \(message)" }
    }

    package init(parsing text: String) throws(Problem) {
        var reader = JSONPathReader(text)
        steps = try reader.readPath()
        description = text
    }

    /// The value the path leads to; nil when a member, item or match is missing.
    package func value(in root: JSONValue) -> JSONValue? {
        var current = root
        for step in steps {
            switch step {
            case .key(let key):
                guard case .object(let members) = current, let next = members[key] else { return nil }
                current = next
            case .index(let index):
                guard case .array(let items) = current else { return nil }
                let position = index < 0 ? items.count + index : index
                guard items.indices.contains(position) else { return nil }
                current = items[position]
            case .filter(let member, let equals, let value):
                guard case .array(let items) = current else { return nil }
                let matches: (JSONValue) -> Bool = { item in
                    let text = Self.walk(member, in: item)?.scalarText
                    return equals ? text == value : text != value
                }
                guard let match = items.first(where: matches) else { return nil }
                current = match
            }
        }
        return current
    }

    private static func walk(_ keys: [String], in value: JSONValue) -> JSONValue? {
        var current = value
        for key in keys {
            guard case .object(let members) = current, let next = members[key] else { return nil }
            current = next
        }
        return current
    }
}
