import Foundation

/// A formula's result as Sheets would show it.
enum FormulaValue: Equatable {
    case number(Double), text(String), bool(Bool), error(String)
}

/// Evaluates the small part of the Sheets formula language the emulator needs: arithmetic, `&`, comparisons,
/// same-sheet cell references and a few functions. Anything else is `#NAME?`; text that is not a formula is `#ERROR!`.
struct FormulaEvaluator {
    let sheet: SheetGrid
    var depth = 0

    enum Token: Equatable {
        case number(Double), text(String), name(String), op(String), open, close, comma
    }

    struct ParseError: Error {}

    func evaluate(_ formula: String) -> FormulaValue {
        guard depth < 32 else { return .error("#REF!") }
        guard let tokens = Self.tokenize(String(formula.dropFirst())) else { return .error("#ERROR!") }
        var parser = Parser(tokens: tokens)
        guard let expression = try? parser.parseExpression(), parser.atEnd else { return .error("#ERROR!") }
        return eval(expression)
    }

    static func tokenize(_ text: String) -> [Token]? {
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " { i += 1; continue }
            if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                var j = i
                while j < chars.count, chars[j].isNumber || chars[j] == "." { j += 1 }
                if j < chars.count, chars[j] == "e" || chars[j] == "E" {
                    var k = j + 1
                    if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
                    if k < chars.count, chars[k].isNumber {
                        j = k
                        while j < chars.count, chars[j].isNumber { j += 1 }
                    }
                }
                guard let value = Double(String(chars[i..<j])) else { return nil }
                if j < chars.count, chars[j].isLetter { return nil }
                tokens.append(.number(value))
                i = j
            } else if c == "\"" {
                var j = i + 1
                var text = ""
                while true {
                    guard j < chars.count else { return nil }
                    if chars[j] == "\"" {
                        if j + 1 < chars.count, chars[j + 1] == "\"" { text.append("\""); j += 2; continue }
                        break
                    }
                    text.append(chars[j])
                    j += 1
                }
                tokens.append(.text(text))
                i = j + 1
            } else if c.isLetter || c == "_" || c == "$" {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || chars[j] == "." || chars[j] == "$" { j += 1 }
                tokens.append(.name(String(chars[i..<j])))
                i = j
            } else if c == "(" {
                tokens.append(.open); i += 1
            } else if c == ")" {
                tokens.append(.close); i += 1
            } else if c == "," {
                tokens.append(.comma); i += 1
            } else if i + 1 < chars.count, ["<=", ">=", "<>"].contains(String(chars[i...i + 1])) {
                tokens.append(.op(String(chars[i...i + 1])))
                i += 2
            } else if "+-*/^&=<>%".contains(c) {
                tokens.append(.op(String(c))); i += 1
            } else {
                return nil
            }
        }
        return tokens
    }

    indirect enum Expr {
        case literal(FormulaValue), reference(String), call(String, [Expr]), unary(String, Expr), binary(String, Expr, Expr), percent(Expr)
    }

    struct Parser {
        var tokens: [Token]
        var position = 0
        var atEnd: Bool { position == tokens.count }
        func peek() -> Token? { position < tokens.count ? tokens[position] : nil }
        mutating func next() -> Token? { defer { position += 1 }; return peek() }

        mutating func parseExpression() throws(ParseError) -> Expr { try parseBinary(level: 0) }

        static let levels: [[String]] = [["=", "<>", "<", ">", "<=", ">="], ["&"], ["+", "-"], ["*", "/"], ["^"]]

        mutating func parseBinary(level: Int) throws(ParseError) -> Expr {
            if level == Self.levels.count { return try parseUnary() }
            var left = try parseBinary(level: level + 1)
            while case .op(let op)? = peek(), Self.levels[level].contains(op) {
                position += 1
                left = .binary(op, left, try parseBinary(level: level + 1))
            }
            return left
        }

        mutating func parseUnary() throws(ParseError) -> Expr {
            if case .op(let op)? = peek(), op == "-" || op == "+" {
                position += 1
                return .unary(op, try parseUnary())
            }
            var expr = try parsePrimary()
            while case .op("%")? = peek() { position += 1; expr = .percent(expr) }
            return expr
        }

        mutating func parsePrimary() throws(ParseError) -> Expr {
            switch next() {
            case .number(let n)?: return .literal(.number(n))
            case .text(let t)?: return .literal(.text(t))
            case .open?:
                let inner = try parseExpression()
                guard case .close? = next() else { throw ParseError() }
                return inner
            case .name(let name)?:
                if case .open? = peek() {
                    position += 1
                    var args: [Expr] = []
                    if case .close? = peek() { position += 1; return .call(name.uppercased(), args) }
                    while true {
                        args.append(try parseExpression())
                        switch next() {
                        case .comma?: continue
                        case .close?: return .call(name.uppercased(), args)
                        default: throw ParseError()
                        }
                    }
                }
                switch name.uppercased() {
                case "TRUE": return .literal(.bool(true))
                case "FALSE": return .literal(.bool(false))
                default: return .reference(name)
                }
            default: throw ParseError()
            }
        }
    }

    private enum NumberResult { case success(Double), failure(FormulaValue) }

    private func number(_ value: FormulaValue) -> NumberResult {
        switch value {
        case .number(let n): .success(n)
        case .bool(let b): .success(b ? 1 : 0)
        case .text(let t):
            if t.isEmpty {
                .success(0)
            } else if let n = Double(t.trimmingCharacters(in: .whitespaces)) {
                .success(n)
            } else {
                .failure(.error("#VALUE!"))
            }
        case .error: .failure(value)
        }
    }

    private func text(_ value: FormulaValue) -> String {
        switch value {
        case .number(let n): SheetsNumberFormat.general(n)
        case .text(let t): t
        case .bool(let b): b ? "TRUE" : "FALSE"
        case .error(let e): e
        }
    }

    private func eval(_ expr: Expr) -> FormulaValue {
        switch expr {
        case .literal(let value): return value
        case .reference(let name): return reference(name)
        case .percent(let inner):
            switch number(eval(inner)) {
            case .success(let n): return .number(n / 100);
            case .failure(let e): return e
            }
        case .unary(let op, let inner):
            switch number(eval(inner)) {
            case .success(let n): return .number(op == "-" ? -n : n);
            case .failure(let e): return e
            }
        case .binary(let op, let l, let r):
            let left = eval(l), right = eval(r)
            if case .error = left { return left }
            if case .error = right { return right }
            if op == "&" { return .text(text(left) + text(right)) }
            if ["=", "<>", "<", ">", "<=", ">="].contains(op) { return compare(op, left, right) }
            let a: Double, b: Double
            switch number(left) {
            case .success(let n): a = n;
            case .failure(let e): return e
            }
            switch number(right) {
            case .success(let n): b = n;
            case .failure(let e): return e
            }
            switch op {
            case "+": return .number(a + b)
            case "-": return .number(a - b)
            case "*": return .number(a * b)
            case "/": return b == 0 ? .error("#DIV/0!") : .number(a / b)
            default: return .number(Foundation.pow(a, b))
            }
        case .call(let name, let args): return call(name, args.map(eval))
        }
    }

    private func compare(_ op: String, _ left: FormulaValue, _ right: FormulaValue) -> FormulaValue {
        let order: Int
        if case .success(let a) = number(left), case .success(let b) = number(right),
            !(left.isText || right.isText)
        {
            order = a < b ? -1 : (a > b ? 1 : 0)
        } else {
            let a = text(left).lowercased(), b = text(right).lowercased()
            order = a < b ? -1 : (a > b ? 1 : 0)
        }
        switch op {
        case "=": return .bool(order == 0)
        case "<>": return .bool(order != 0)
        case "<": return .bool(order < 0)
        case ">": return .bool(order > 0)
        case "<=": return .bool(order <= 0)
        default: return .bool(order >= 0)
        }
    }

    private func call(_ name: String, _ args: [FormulaValue]) -> FormulaValue {
        if let error = args.first(where: { if case .error = $0 { true } else { false } }), name != "IFERROR" { return error }
        switch name {
        case "SUM":
            var total = 0.0
            for arg in args {
                switch number(arg) {
                case .success(let n): total += n;
                case .failure(let e): return e
                }
            }
            return .number(total)
        case "CONCATENATE", "CONCAT": return .text(args.map(text).joined())
        case "HYPERLINK":
            guard (1...2).contains(args.count) else { return .error("#N/A") }
            return args.count == 2 ? args[1] : args[0]
        case "IF":
            guard (2...3).contains(args.count) else { return .error("#N/A") }
            let condition: Bool
            switch args[0] {
            case .bool(let b): condition = b
            default: if case .success(let n) = number(args[0]) { condition = n != 0 } else { return .error("#VALUE!") }
            }
            return condition ? args[1] : (args.count == 3 ? args[2] : .bool(false))
        case "LEN": return args.count == 1 ? .number(Double(text(args[0]).count)) : .error("#N/A")
        case "UPPER": return args.count == 1 ? .text(text(args[0]).uppercased()) : .error("#N/A")
        case "LOWER": return args.count == 1 ? .text(text(args[0]).lowercased()) : .error("#N/A")
        default: return .error("#NAME?")
        }
    }

    private func reference(_ name: String) -> FormulaValue {
        let plain = name.replacingOccurrences(of: "$", with: "")
        guard let range = A1Range.parseCells(plain), range.startRow == range.endRow, range.startColumn == range.endColumn,
            let row = range.startRow, let column = range.startColumn
        else { return .error("#NAME?") }
        guard row < sheet.properties.rowCount, column < sheet.properties.columnCount else { return .error("#REF!") }
        switch sheet.cell(row, column).content {
        case .empty: return .text("")
        case .text(let t): return .text(t)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .formula(let f):
            var inner = self
            inner.depth += 1
            return inner.evaluate(f)
        }
    }
}

private extension FormulaValue {
    var isText: Bool { if case .text = self { true } else { false } }
}
