import Foundation

/// An appointment window a crew really has free, offered to a caller.
public struct OfferedWindow: Sendable, Hashable {
    public var start: Date
    public var end: Date
    public var crew: String

    public init(start: Date, end: Date, crew: String) {
        self.start = start
        self.end = end
        self.crew = crew
    }
}
