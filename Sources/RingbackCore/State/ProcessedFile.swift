import Foundation

/// A source file already read, so the next run skips it unless it changed. The path is relative to the
/// configuration's folder and the content hash identifies the bytes, so a moved or restored folder
/// re-reads nothing.
public struct ProcessedFile: Codable, Sendable, Hashable {
    public var source: String
    public var path: String
    public var size: Int64
    public var modifiedAt: Date
    /// SHA-256 of the file's bytes, hex; nil for files recorded before hashes were kept.
    public var contentHash: String?

    public init(source: String, path: String, size: Int64, modifiedAt: Date, contentHash: String? = nil) {
        self.source = source
        self.path = path
        self.size = size
        self.modifiedAt = modifiedAt
        self.contentHash = contentHash
    }
}
