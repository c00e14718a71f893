/// Checks a mapping's XPath 1.0 expression before any file is read. The toolchain's XML library
/// stops the whole process on an expression it cannot evaluate (a syntax error, an unknown function,
/// a variable, a node-set operation on a string), so each of those is caught here and reported with
/// the mapping's file, line and key instead. Namespace prefixes are refused for the same reason.
public enum XPathCheck {
    /// What an expression yields; node-set operations on anything else fail at evaluation.
    public enum ValueType: String, Sendable {
        case nodeSet = "a node-set"
        case string = "a string"
        case number = "a number"
        case boolean = "a boolean"
    }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var message: String
        /// 1-based character position in the expression.
        public var position: Int

        public var description: String { "\(message) at character \(position)" }
    }

    /// The expression's type, or the first problem in it.
    public static func check(_ expression: String) -> Result<ValueType, Problem> {
        var parser = Parser(Array(expression.unicodeScalars))
        do throws(Problem) {
            parser.skipSpace()
            if parser.atEnd { throw parser.problem("empty expression") }
            let type = try parser.expression()
            parser.skipSpace()
            if !parser.atEnd { throw parser.problem("unexpected `\(parser.rest)`") }
            return .success(type)
        } catch {
            return .failure(error)
        }
    }

    /// The core function library: name → (fewest, most arguments; whether the arguments must be node-sets; result).
    static let functions: [String: (min: Int, max: Int, nodeSetArguments: Bool, result: ValueType)] = [
        "last": (0, 0, false, .number), "position": (0, 0, false, .number), "count": (1, 1, true, .number),
        "id": (1, 1, false, .nodeSet), "local-name": (0, 1, true, .string), "namespace-uri": (0, 1, true, .string),
        "name": (0, 1, true, .string), "string": (0, 1, false, .string), "concat": (2, .max, false, .string),
        "starts-with": (2, 2, false, .boolean), "contains": (2, 2, false, .boolean),
        "substring-before": (2, 2, false, .string), "substring-after": (2, 2, false, .string),
        "substring": (2, 3, false, .string), "string-length": (0, 1, false, .number),
        "normalize-space": (0, 1, false, .string), "translate": (3, 3, false, .string),
        "boolean": (1, 1, false, .boolean), "not": (1, 1, false, .boolean), "true": (0, 0, false, .boolean),
        "false": (0, 0, false, .boolean), "lang": (1, 1, false, .boolean), "number": (0, 1, false, .number),
        "sum": (1, 1, true, .number), "floor": (1, 1, false, .number), "ceiling": (1, 1, false, .number),
        "round": (1, 1, false, .number),
    ]

    static let axes: Set<String> = [
        "ancestor", "ancestor-or-self", "attribute", "child", "descendant", "descendant-or-self", "following",
        "following-sibling", "parent", "preceding", "preceding-sibling", "self",
    ]

    static let nodeTypes: Set<String> = ["comment", "text", "node", "processing-instruction"]

    /// Recursive descent over the XPath 1.0 grammar, tracking each sub-expression's type.
    struct Parser {
        let text: [Unicode.Scalar]
        var index = 0

        init(_ text: [Unicode.Scalar]) {
            self.text = text
        }

        var atEnd: Bool { index >= text.count }
        var rest: String { String(String.UnicodeScalarView(text[index...])) }

        func problem(_ message: String) -> Problem { Problem(message: message, position: index + 1) }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < text.count ? text[index + offset] : nil
        }

        mutating func skipSpace() {
            while let c = peek(), c == " " || c == "\t" || c == "\n" || c == "\r" { index += 1 }
        }

        /// Consumes `symbol` (after spaces) when it is next.
        mutating func take(_ symbol: String) -> Bool {
            skipSpace()
            let scalars = Array(symbol.unicodeScalars)
            guard index + scalars.count <= text.count, Array(text[index..<index + scalars.count]) == scalars else { return false }
            index += scalars.count
            return true
        }

        mutating func expect(_ symbol: String) throws(Problem) {
            if !take(symbol) { throw problem(atEnd ? "expected `\(symbol)` before the end" : "expected `\(symbol)`") }
        }

        /// Consumes an operator name (`and`, `or`, `div`, `mod`) when it is next as a whole word.
        mutating func takeWord(_ word: String) -> Bool {
            skipSpace()
            let start = index
            guard let name = ncName(), name == word else {
                index = start
                return false
            }
            return true
        }

        static func isNameStart(_ c: Unicode.Scalar) -> Bool {
            c == "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c.value >= 0xC0
        }

        static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
            isNameStart(c) || c == "-" || c == "." || (c >= "0" && c <= "9") || c.value == 0xB7
        }

        mutating func ncName() -> String? {
            guard let first = peek(), Self.isNameStart(first) else { return nil }
            let start = index
            while let c = peek(), Self.isNameCharacter(c) { index += 1 }
            return String(String.UnicodeScalarView(text[start..<index]))
        }

        // MARK: Expressions

        mutating func expression() throws(Problem) -> ValueType {
            var type = try andExpression()
            while takeWord("or") {
                _ = try andExpression()
                type = .boolean
            }
            return type
        }

        mutating func andExpression() throws(Problem) -> ValueType {
            var type = try equalityExpression()
            while takeWord("and") {
                _ = try equalityExpression()
                type = .boolean
            }
            return type
        }

        mutating func equalityExpression() throws(Problem) -> ValueType {
            var type = try relationalExpression()
            while take("!=") || take("=") {
                _ = try relationalExpression()
                type = .boolean
            }
            return type
        }

        mutating func relationalExpression() throws(Problem) -> ValueType {
            var type = try additiveExpression()
            while take("<=") || take(">=") || take("<") || take(">") {
                _ = try additiveExpression()
                type = .boolean
            }
            return type
        }

        mutating func additiveExpression() throws(Problem) -> ValueType {
            var type = try multiplicativeExpression()
            while take("+") || take("-") {
                _ = try multiplicativeExpression()
                type = .number
            }
            return type
        }

        mutating func multiplicativeExpression() throws(Problem) -> ValueType {
            var type = try unaryExpression()
            while take("*") || takeWord("div") || takeWord("mod") {
                _ = try unaryExpression()
                type = .number
            }
            return type
        }

        mutating func unaryExpression() throws(Problem) -> ValueType {
            if take("-") {
                _ = try unaryExpression()
                return .number
            }
            return try unionExpression()
        }

        mutating func unionExpression() throws(Problem) -> ValueType {
            let start = index
            var type = try pathExpression()
            while take("|") {
                let right = index
                let other = try pathExpression()
                if type != .nodeSet || other != .nodeSet {
                    throw Problem(message: "`|` joins node-sets, not \(type != .nodeSet ? type.rawValue : other.rawValue)",
                                  position: (type != .nodeSet ? start : right) + 1)
                }
                type = .nodeSet
            }
            return type
        }

        mutating func pathExpression() throws(Problem) -> ValueType {
            skipSpace()
            guard let c = peek() else { throw problem("expected an expression before the end") }
            let startsFilter: Bool
            switch c {
            case "(", "\"", "'", "$": startsFilter = true
            case "0"..."9": startsFilter = true
            case ".": startsFilter = peek(1).map { $0 >= "0" && $0 <= "9" } ?? false
            default:
                if Self.isNameStart(c) {
                    let start = index
                    let name = ncName() ?? ""
                    skipSpace()
                    let isCall = peek() == "(" && !XPathCheck.nodeTypes.contains(name)
                    index = start
                    startsFilter = isCall
                } else {
                    startsFilter = false
                }
            }
            guard startsFilter else { return try locationPath() }

            let start = index
            var type = try primaryExpression()
            while peekSymbol("[") {
                if type != .nodeSet { throw Problem(message: "a predicate `[…]` filters node-sets, not \(type.rawValue)", position: start + 1) }
                try predicate()
            }
            if take("//") || take("/") {
                if type != .nodeSet { throw Problem(message: "`/` continues a node-set, not \(type.rawValue)", position: start + 1) }
                try relativeLocationPath()
                type = .nodeSet
            }
            return type
        }

        mutating func peekSymbol(_ symbol: Unicode.Scalar) -> Bool {
            skipSpace()
            return peek() == symbol
        }

        mutating func primaryExpression() throws(Problem) -> ValueType {
            skipSpace()
            guard let c = peek() else { throw problem("expected an expression before the end") }
            switch c {
            case "$":
                throw problem("variables (`$…`) cannot be used in a mapping")
            case "(":
                index += 1
                let type = try expression()
                try expect(")")
                return type
            case "\"", "'":
                try literal()
                return .string
            case "0"..."9", ".":
                number()
                return .number
            default:
                return try functionCall()
            }
        }

        mutating func literal() throws(Problem) {
            guard let quote = peek() else { throw problem("expected a quoted text") }
            let start = index
            index += 1
            while let c = peek(), c != quote { index += 1 }
            guard peek() == quote else { throw Problem(message: "text opened with \(quote) is not closed", position: start + 1) }
            index += 1
        }

        mutating func number() {
            while let c = peek(), c >= "0" && c <= "9" { index += 1 }
            if peek() == "." {
                index += 1
                while let c = peek(), c >= "0" && c <= "9" { index += 1 }
            }
        }

        mutating func functionCall() throws(Problem) -> ValueType {
            let start = index
            guard let name = ncName() else { throw problem("unexpected `\(rest)`") }
            if peek() == ":" && peek(1) != ":" { throw Problem(message: "namespace prefixes (`\(name):`) cannot be used in a mapping", position: start + 1) }
            guard let function = XPathCheck.functions[name] else {
                throw Problem(message: "unknown function `\(name)()`", position: start + 1)
            }
            try expect("(")
            var count = 0
            if !take(")") {
                repeat {
                    let argumentStart = index
                    let type = try expression()
                    if function.nodeSetArguments && type != .nodeSet {
                        throw Problem(message: "`\(name)()` needs a node-set, not \(type.rawValue)", position: argumentStart + 1)
                    }
                    count += 1
                } while take(",")
                try expect(")")
            }
            guard count >= function.min && count <= function.max else {
                let wanted = function.min == function.max ? "\(function.min)" : function.max == .max ? "at least \(function.min)" : "\(function.min) to \(function.max)"
                throw Problem(message: "`\(name)()` takes \(wanted) argument\(wanted == "1" ? "" : "s"), not \(count)", position: start + 1)
            }
            return function.result
        }

        mutating func predicate() throws(Problem) {
            try expect("[")
            _ = try expression()
            try expect("]")
        }

        // MARK: Location paths

        mutating func locationPath() throws(Problem) -> ValueType {
            if take("//") {
                try relativeLocationPath()
            } else if take("/") {
                if startsStep() { try relativeLocationPath() }
            } else {
                try relativeLocationPath()
            }
            return .nodeSet
        }

        mutating func startsStep() -> Bool {
            skipSpace()
            guard let c = peek() else { return false }
            return c == "." || c == "@" || c == "*" || Self.isNameStart(c)
        }

        mutating func relativeLocationPath() throws(Problem) {
            try step()
            while take("//") || take("/") {
                try step()
            }
        }

        mutating func step() throws(Problem) {
            if take("..") { return }
            skipSpace()
            if peek() == ".", peek(1).map({ !($0 >= "0" && $0 <= "9") }) ?? true {
                index += 1
                return
            }
            if !take("@") {
                let start = index
                if let name = ncName() {
                    skipSpace()
                    if take("::") {
                        if name == "namespace" { throw Problem(message: "the `namespace::` axis cannot be used in a mapping", position: start + 1) }
                        guard XPathCheck.axes.contains(name) else { throw Problem(message: "unknown axis `\(name)::`", position: start + 1) }
                    } else {
                        index = start
                    }
                }
            }
            try nodeTest()
            while peekSymbol("[") { try predicate() }
        }

        mutating func nodeTest() throws(Problem) {
            skipSpace()
            if take("*") { return }
            let start = index
            guard let name = ncName() else {
                throw problem(atEnd ? "expected a name or `*` before the end" : "expected a name or `*`, found `\(rest)`")
            }
            if peek() == ":" { throw Problem(message: "namespace prefixes (`\(name):`) cannot be used in a mapping", position: start + 1) }
            if XPathCheck.nodeTypes.contains(name), take("(") {
                if name == "processing-instruction", peekSymbol("\"") || peekSymbol("'") { try literal() }
                try expect(")")
            }
        }
    }
}
