import Foundation

/// Log lines for cron: plain text or one JSON object per line, on standard error.
public struct RunLog: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text
        case json
    }

    public enum Level: String, Sendable {
        case info
        case warning
        case error
    }

    public let format: Format
    public let quiet: Bool

    public init(format: Format, quiet: Bool = false) {
        self.format = format
        self.quiet = quiet
    }

    public func info(_ message: String, _ fields: [String: String] = [:]) { write(.info, message, fields) }
    public func warning(_ message: String, _ fields: [String: String] = [:]) { write(.warning, message, fields) }
    public func error(_ message: String, _ fields: [String: String] = [:]) { write(.error, message, fields) }

    private func write(_ level: Level, _ message: String, _ fields: [String: String]) {
        if quiet && level == .info { return }
        let stamp = ISO8601DateFormatter().string(from: Date())
        let line: String
        switch format {
        case .text:
            let extra = fields.keys.sorted().map { "\($0)=\(fields[$0]!)" }.joined(separator: " ")
            line = "\(stamp) \(level.rawValue.uppercased()) \(message)\(extra.isEmpty ? "" : " " + extra)\n"
        case .json:
            var object = fields
            object["time"] = stamp
            object["level"] = level.rawValue
            object["message"] = message
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            line = String(decoding: data, as: UTF8.self) + "\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
