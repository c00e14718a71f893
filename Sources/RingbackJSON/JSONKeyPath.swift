/// Dotted key paths (`meta.next_page_uri`) into a parsed document, and scalars as text: one lookup for
/// the mapping engine reading records and the API pager reading page links, so both agree on a path.
extension JSONValue {
    /// The value at `path` (see `JSONPath`: members, list positions, filters); the whole value for an
    /// empty path, nil for a path that cannot be read (the mapping loader refuses those first).
    package func value(at path: String) -> JSONValue? {
        if path.isEmpty { return self }
        return (try? JSONPath(parsing: path))?.value(in: self)
    }

    /// A string as written, a number as `numberText` writes it, a boolean as `true`/`false`;
    /// nil for null, arrays and objects, which are not one field's text.
    package var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .number(let value): return Self.numberText(value)
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }
}
