import Foundation

/// One line of run history: when a sync ran and what it did.
public struct RunRecord: Codable, Sendable, Hashable {
    public var startedAt: Date
    public var finishedAt: Date
    public var summary: String

    public init(startedAt: Date, finishedAt: Date, summary: String) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.summary = summary
    }
}
