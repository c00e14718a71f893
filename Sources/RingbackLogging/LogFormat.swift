import Foundation

/// How log lines are written: `text` for a person reading cron mail, `json` for a log collector.
/// The raw values are the `--log-format` values.
package enum LogFormat: String, Sendable, CaseIterable {
    case text
    case json

    /// Parses a `--log-format` value, ignoring case and surrounding spaces; nil for anything else.
    /// (The signature matches ArgumentParser's `ExpressibleByArgument`, so the CLI can conform with an empty extension.)
    package init?(argument: String) {
        let cleaned = argument.trimmingCharacters(in: .whitespaces).lowercased()
        self.init(rawValue: cleaned)
    }
}
