/// A record that could not be read, with where it is and why; the good records still go through.
public struct RecordReject: Error, Sendable, Hashable, Codable {
    public var file: String
    /// Line number for text files, or a record position like `calls[3]` for JSON.
    public var location: String
    public var reason: String
    /// The record as found, clipped, so the office can find it.
    public var raw: String

    public init(file: String, location: String, reason: String, raw: String = "") {
        self.file = file
        self.location = location
        self.reason = reason
        self.raw = raw.count > 300 ? String(raw.prefix(297)) + "..." : raw
    }

    public var description: String { "\(file):\(location): \(reason)" }
}
