/// Why an XML or HTML file cannot be read: libxml2's message and the line it stopped at, or a bound
/// Ringback keeps (`refused`: entity declarations, nesting depth) though the file may be well-formed.
struct MarkupProblem: Error, Sendable, Equatable {
    var message: String
    var line: Int
    var refused = false
}
