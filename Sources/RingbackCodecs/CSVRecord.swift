/// One decoded CSV record, for callers that want owned strings rather than the
/// zero-copy `CSVRecordView`.
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based physical line on which the record starts.
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
