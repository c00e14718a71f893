extension APISpec {
    /// Text with `${NAME}` references to environment variables, e.g. `/Accounts/${TWILIO_ACCOUNT_SID}/Calls.json`.
    public struct Template: Sendable, Equatable, CustomStringConvertible {
        public enum Part: Sendable, Equatable {
            case text(String)
            case variable(String)
        }

        public var parts: [Part]

        /// The template, or why it is not one: a `${` left open or a name that is not a variable name.
        public static func parse(_ text: String) -> Result<Template, TemplateProblem> {
            var parts: [Part] = []
            var rest = Substring(text)
            while let open = rest.range(of: "${") {
                if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
                guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                    return .failure(TemplateProblem(message: "`${` is not closed with `}`"))
                }
                let name = String(rest[open.upperBound..<close])
                guard isVariableName(name) else {
                    return .failure(TemplateProblem(message: "`${\(name)}` is not an environment variable name (letters, digits and _)"))
                }
                parts.append(.variable(name))
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { parts.append(.text(String(rest))) }
            return .success(Template(parts: parts))
        }

        public static func isVariableName(_ name: String) -> Bool {
            guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
            return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
        }

        public var variables: [String] {
            parts.compactMap { if case .variable(let name) = $0 { return name } else { return nil } }
        }

        /// The text with each variable replaced by `value(name)`.
        public func expand(_ value: (String) -> String) -> String {
            parts.map { part in
                switch part {
                case .text(let text): return text
                case .variable(let name): return value(name)
                }
            }.joined()
        }

        /// The text as written, references unexpanded: safe to show.
        public var description: String { expand { "${\($0)}" } }
    }

    public struct TemplateProblem: Error, Sendable {
        public var message: String
    }
}
