/// Where records sit beyond a JSON array or a CSV row: XML and HTML record nodes, legs nested inside a
/// JSON record, and exports that repeat one call once per event. Kept apart from the field list so a
/// mapping that needs none of it reads exactly as before.
public struct RecordLayout: Sendable {
    /// XML and HTML: XPath of the record nodes; field paths are XPath relative to each.
    public var recordsXPath = ""
    /// JSON: key path, inside a record, of an array of legs of the record's call (RingCentral `legs`).
    /// Each element is read with the same field paths relative to it, except those in `legFields`.
    public var nestedLegs: String?
    /// Field name → where it is inside a nested leg, when that differs from the record, or for fields
    /// that only legs have.
    public var legFields: [String: MappingSpec.FieldSource] = [:]
    /// Records sharing an `id` are events of one call: only the last is kept, by `event_time` when
    /// the mapping has one, else by position (later files, later records).
    public var lastEventWins = false

    public init() {}
}
