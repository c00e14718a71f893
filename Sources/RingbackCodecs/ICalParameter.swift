/// A property parameter such as `TZID=America/Chicago` or `CN="Smith, John"`.
///
/// Values holding `:`, `;` or `,` are written in double quotes; a double quote,
/// newline or `^` inside a value is written with RFC 6868 caret escapes, since RFC
/// 5545 has no other way to carry them.
public struct ICalParameter: Sendable, Hashable {
    public var name: String
    /// One or more values, written comma-separated.
    public var values: [String]

    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }

    public init(_ name: String, _ value: String) {
        self.init(name: name, values: [value])
    }
}
