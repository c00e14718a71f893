/// A script's wording with `{placeholder}`s, checked when the config is read.
public struct MessageTemplate: Sendable, Hashable {
    public enum Placeholder: String, CaseIterable, Sendable {
        case name, company, window1, window2, service, zip
    }

    public enum Part: Sendable, Hashable {
        case text(String)
        case placeholder(Placeholder)
    }

    /// Why a template cannot be used: the text inside braces that is not a placeholder, or one not allowed there.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var placeholder: String
        public var reason: String
        public var description: String { reason }
    }

    public let source: String
    public let parts: [Part]

    public init(_ source: String, allowWindows: Bool) throws(Problem) {
        self.source = source
        var parts: [Part] = []
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else {
                let text = String(rest[rest.index(after: open)...])
                throw Problem(placeholder: text, reason: "placeholder {\(text) has no closing brace")
            }
            let name = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            guard let placeholder = Placeholder(rawValue: name.lowercased()) else {
                let known = Placeholder.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")
                throw Problem(placeholder: name, reason: "unknown placeholder {\(name)}; expected one of \(known)")
            }
            if !allowWindows && (placeholder == .window1 || placeholder == .window2) {
                throw Problem(
                    placeholder: name,
                    reason:
                        "placeholder {\(name)} names an offered window, which only routine_booking may (the one script used when the crew has windows)"
                )
            }
            parts.append(.placeholder(placeholder))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
    }

    public func render(_ values: [Placeholder: String]) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .placeholder(let placeholder): values[placeholder] ?? ""
            }
        }.joined()
    }
}
