/// Something wrong in a CSV file that the reader stepped over instead of failing,
/// so the caller can put it in a reject log with the line where it starts.
public struct CSVProblem: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based physical line of the record that has the problem.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
