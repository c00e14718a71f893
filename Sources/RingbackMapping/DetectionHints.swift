/// What makes a file look like a mapping's format, for `inspect` and sources without a named mapping.
public struct DetectionHints: Sendable {
    /// JSON: keys expected in the top-level object or in records.
    public var jsonKeys: [String]
    /// CSV with a header: column names expected in it.
    public var headerColumns: [String]
    /// CSV without a header: 1-based column → kind of value expected there.
    public var columnKinds: [Int: ValueKind]
    /// XML and HTML: snippets of text expected near the top of the file (`<hangup_cause>`, `class="haudio"`).
    public var texts: [String]

    public enum ValueKind: String, Sendable, CaseIterable {
        case dateTime = "date_time"
        case disposition
        case callerID = "caller_id"
        case digits
        /// `a1b2c3d4-…`: 8-4-4-4-12 hexadecimal digits.
        case uuid
    }

    public init(jsonKeys: [String] = [], headerColumns: [String] = [], columnKinds: [Int: ValueKind] = [:], texts: [String] = []) {
        self.jsonKeys = jsonKeys
        self.headerColumns = headerColumns
        self.columnKinds = columnKinds
        self.texts = texts
    }
}
