import Yams

/// Turns a Yams error into one located line: the line where the mistake is (the opening quote of a
/// string that never closes, not the end of the file), and the parser's words without its context dump.
enum YAMLSyntaxProblem {
    static func error(_ error: YamlError, text: String, file: String) -> YAMLFileError {
        switch error {
        case .duplicatedKeysInMapping(let keys, let context):
            return YAMLDuplicateKey.error(in: text, keys: keys, file: file)
                ?? YAMLFileError(
                    file: file, line: context.mark.line, key: keys.joined(separator: ", "),
                    message: "duplicate key")
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if let open = openQuote(in: text, before: mark.line, context: context) {
                return YAMLFileError(
                    file: file, line: open.line, key: "",
                    message: "not valid YAML: found a \(open.quote) that is never closed on its line; expected the value to end with \(open.quote)")
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if let context, context.text.contains("flow"), context.mark.line < mark.line {
                return YAMLFileError(
                    file: file, line: context.mark.line, key: "",
                    message:
                        "not valid YAML: found a `[` or `{` that is not closed where expected (\(oneLine(problem))); expected the list or mapping to end on this line or the lines after it"
                )
            }
            var line = mark.line
            // libyaml reports a problem at the end of a line as the start of the next, often blank, line.
            while line > 1, line <= lines.count, isBlankOrComment(lines[line - 1]) { line -= 1 }
            let found = line >= 1 && line <= lines.count ? "; found `\(lines[line - 1].trimmingCharacters(in: .whitespaces).prefix(60))`" : ""
            let during = context.map { " (\($0.text))" } ?? ""
            return YAMLFileError(
                file: file, line: line, key: "",
                message: "not valid YAML: \(oneLine(problem))\(during)\(found); check the indentation and quotes of this line and the one before")
        default:
            return YAMLFileError(file: file, line: nil, key: "", message: "not valid YAML: \(oneLine("\(error)"))")
        }
    }

    /// The last line at or before `line` whose value opens a quote it does not close: YAML lets a quoted
    /// string run on over lines, so the parser only stumbles later.
    private static func openQuote(in text: String, before line: Int, context: YamlError.Context?) -> (line: Int, quote: String)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var number = min(line, lines.count)
        if let context, context.text.contains("quoted scalar") { number = min(context.mark.line, lines.count) }
        while number >= 1 {
            if let quote = unclosedQuote(String(lines[number - 1])), closes(quote, after: number, in: lines, near: line) {
                return (number, quote)
            }
            if let context, context.text.contains("quoted scalar") { return nil }
            number -= 1
        }
        return nil
    }

    /// Whether the quote opened on line `opened` runs on to where the parser stumbled (`problem`): its
    /// next quote character is on the problem's line or the one before, or there is none. A string
    /// closed well before the problem is a multi-line string written on purpose, not the mistake.
    private static func closes(_ quote: String, after opened: Int, in lines: [Substring], near problem: Int) -> Bool {
        guard let close = lines.indices.dropFirst(opened).first(where: { lines[$0].contains(quote) }) else { return true }
        return close + 1 >= problem - 1
    }

    /// `key: "abc` or `- 'abc`: a value that starts with a quote and does not end it on the same line.
    static func unclosedQuote(_ line: String) -> String? {
        var rest = Substring(line.trimmingCharacters(in: .whitespaces))
        if rest.hasPrefix("#") { return nil }
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2) }
        if let colon = rest.range(of: ": "), !rest.hasPrefix("\""), !rest.hasPrefix("'") {
            rest = rest[colon.upperBound...].drop { $0 == " " }
        }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        var index = rest.index(after: rest.startIndex)
        while index < rest.endIndex {
            let c = rest[index]
            if quote == "\"" && c == "\\" {
                index = rest.index(after: index)
                if index < rest.endIndex { index = rest.index(after: index) }
                continue
            }
            if c == quote {
                let next = rest.index(after: index)
                if quote == "'" && next < rest.endIndex && rest[next] == "'" { index = rest.index(after: next); continue }
                return nil
            }
            index = rest.index(after: index)
        }
        return String(quote)
    }

    private static func isBlankOrComment(_ line: Substring) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
    }
}
