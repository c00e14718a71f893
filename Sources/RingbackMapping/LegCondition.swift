import RingbackNormalisation

/// One rule of a mapping's outcome section: a leg matches when every field test holds.
public struct LegCondition: Sendable, Hashable {
    /// Which legs of a call the rule looks at.
    public enum LegScope: String, Sendable {
        case any
        /// The first leg (the caller's leg).
        case root
        /// Forwarded legs: every leg but the first.
        case child
        /// The first leg, only when the call has no forwarded legs.
        case only
    }

    public enum Test: Sendable, Hashable {
        case oneOf(Set<String>)
        case noneOf(Set<String>)
        case empty(Bool)
        case above(Double)
    }

    public var scope: LegScope
    public var tests: [(field: String, test: Test)]

    public init(scope: LegScope, tests: [(field: String, test: Test)]) {
        self.scope = scope
        self.tests = tests
    }

    public static func == (a: LegCondition, b: LegCondition) -> Bool {
        a.scope == b.scope && a.tests.map(\.field) == b.tests.map(\.field) && a.tests.map(\.test) == b.tests.map(\.test)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(scope)
        for (field, test) in tests {
            hasher.combine(field)
            hasher.combine(test)
        }
    }

    /// - Parameter value: the leg's text for the i-th test's field.
    func matches(_ value: (Int) -> String) -> Bool {
        tests.indices.allSatisfy { index in
            let test = tests[index].test
            let text = value(index).trimmingWhitespace()
            switch test {
            case .oneOf(let set): return set.contains(text.lowercased())
            case .noneOf(let set): return !set.contains(text.lowercased())
            case .empty(let wanted): return text.isEmpty == wanted
            case .above(let limit): return (Double(text) ?? DurationParser.seconds(text).map(Double.init) ?? 0) > limit
            }
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return self }
        return String(drop { $0 == " " || $0 == "\t" || $0.isNewline }.reversed().drop { $0 == " " || $0 == "\t" || $0.isNewline }.reversed())
    }
}
