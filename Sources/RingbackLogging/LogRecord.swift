import Foundation
import Logging

/// One log statement with everything resolved to text, ready for an encoder.
package struct LogRecord: Sendable, Equatable {
    package var time: Date
    package var level: Logger.Level
    package var message: String
    package var label: String
    /// Handler metadata, then the metadata provider's, then the call's own: later sources win.
    package var metadata: [String: String]

    package init(time: Date, level: Logger.Level, message: String, label: String, metadata: [String: String]) {
        self.time = time
        self.level = level
        self.message = message
        self.label = label
        self.metadata = metadata
    }

    /// Metadata keys in the order both formats print them.
    package var sortedMetadata: [(key: String, value: String)] {
        metadata.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }
}

extension LogRecord {
    /// Merges the three metadata sources of swift-log and the event's error (as `error.message`, `error.type`,
    /// the keys swift-log's own stream handler uses).
    init(event: LogEvent, label: String, time: Date, handlerMetadata: Logger.Metadata, provider: Logger.MetadataProvider?) {
        var merged = handlerMetadata
        if let provided = provider?.get() { merged.merge(provided) { _, new in new } }
        if let explicit = event.metadata { merged.merge(explicit) { _, new in new } }
        var metadata = merged.mapValues(Self.text)
        if let error = event.error {
            metadata["error.message"] = "\(error)"
            metadata["error.type"] = String(reflecting: type(of: error))
        }
        self.init(time: time, level: event.level, message: event.message.description, label: label, metadata: metadata)
    }

    /// Nested values as `[a, b]` and `[key: value]`, dictionary keys sorted so the same metadata gives the same line.
    private static func text(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): return text
        case .stringConvertible(let convertible): return convertible.description
        case .array(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        case .dictionary(let members):
            let pairs = members.sorted { $0.key < $1.key }.map { $0.key + ": " + text($0.value) }
            return "[" + pairs.joined(separator: ", ") + "]"
        }
    }
}
