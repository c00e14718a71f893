/// Thrown when a mapping file's timestamp pattern cannot be compiled; the message names the problem.
public struct LocalPatternError: Error, Hashable, Sendable, CustomStringConvertible {
    public let format: String
    public let message: String
    public var description: String { "bad timestamp pattern \"\(format)\": \(message)" }
}
