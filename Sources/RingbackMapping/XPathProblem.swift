/// libxml2's reason for refusing an XPath expression, and where in it (1-based) when it says.
public struct XPathProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var position: Int?

    public var description: String { position.map { "\(message) at character \($0)" } ?? message }
}
