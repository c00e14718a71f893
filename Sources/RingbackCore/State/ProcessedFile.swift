import Foundation

/// A source file already read, so the next run skips it unless it changed.
public struct ProcessedFile: Codable, Sendable, Hashable {
    public var source: String
    public var path: String
    public var size: Int64
    public var modifiedAt: Date

    public init(source: String, path: String, size: Int64, modifiedAt: Date) {
        self.source = source
        self.path = path
        self.size = size
        self.modifiedAt = modifiedAt
    }
}
