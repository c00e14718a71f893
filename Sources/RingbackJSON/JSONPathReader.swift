/// Reads the text of a `JSONPath` one character at a time, keeping the position for messages.
struct JSONPathReader {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        characters = Array(text)
    }

    private var problemPosition: Int { index + 1 }

    private func problem(_ message: String) -> JSONPath.Problem {
        JSONPath.Problem(position: problemPosition, message: message)
    }

    private var current: Character? { index < characters.count ? characters[index] : nil }

    private mutating func skipSpaces() {
        while let character = current, character == " " { index += 1 }
    }

    mutating func readPath() throws(JSONPath.Problem) -> [JSONPath.Step] {
        var steps: [JSONPath.Step] = []
        if characters.isEmpty { return steps }
        while let character = current {
            switch character {
            case "[":
                index += 1
                steps.append(try readBracket())
            case ".":
                guard !steps.isEmpty else { throw problem("a path cannot start with `.`") }
                index += 1
                steps.append(.key(try readKey()))
            case "]":
                throw problem("`]` without a `[` before it")
            default:
                guard steps.isEmpty else { throw problem("expected `.` or `[` after `]`") }
                steps.append(.key(try readKey()))
            }
        }
        return steps
    }

    /// A member name: any characters up to the next separator; never empty.
    private mutating func readKey() throws(JSONPath.Problem) -> String {
        let start = index
        while let character = current, character != ".", character != "[", character != "]" { index += 1 }
        guard index > start else { throw problem("expected a member name") }
        return String(characters[start..<index])
    }

    /// After `[`: a position (`0`, `-1`) or a filter (`?role == "external"`), then `]`.
    private mutating func readBracket() throws(JSONPath.Problem) -> JSONPath.Step {
        skipSpaces()
        let step: JSONPath.Step
        if current == "?" {
            index += 1
            step = try readFilter()
        } else {
            let start = index
            if current == "-" { index += 1 }
            while let character = current, character.isASCII, character.isNumber { index += 1 }
            guard let number = Int(String(characters[start..<index])) else {
                index = start
                throw problem("expected a list position like [0] or [-1], or a filter like [?role == \"external\"]")
            }
            step = .index(number)
        }
        skipSpaces()
        guard current == "]" else { throw problem("expected `]`") }
        index += 1
        return step
    }

    /// `member == value` or `member != value`; the value quoted ("…" or '…') or a bare word or number.
    private mutating func readFilter() throws(JSONPath.Problem) -> JSONPath.Step {
        skipSpaces()
        let start = index
        while let character = current, character != " ", character != "=", character != "!", character != "]" { index += 1 }
        guard index > start else { throw problem("expected the member to compare, like [?role == \"external\"]") }
        let member = String(characters[start..<index]).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !member.contains(where: \.isEmpty) else {
            index = start
            throw problem("the member to compare has an empty name")
        }
        skipSpaces()
        let equals: Bool
        if characters[index...].starts(with: "==") {
            equals = true
        } else if characters[index...].starts(with: "!=") {
            equals = false
        } else {
            throw problem("expected `==` or `!=`")
        }
        index += 2
        skipSpaces()
        return .filter(member: member, equals: equals, value: try readLiteral())
    }

    private mutating func readLiteral() throws(JSONPath.Problem) -> String {
        if let quote = current, quote == "\"" || quote == "'" {
            index += 1
            let start = index
            while let character = current, character != quote { index += 1 }
            guard current == quote else {
                index = start - 1
                throw problem("the quoted value is not closed")
            }
            let text = String(characters[start..<index])
            index += 1
            return text
        }
        let start = index
        while let character = current, character != " ", character != "]" { index += 1 }
        guard index > start else { throw problem("expected a value to compare with, like \"external\"") }
        return String(characters[start..<index])
    }
}
