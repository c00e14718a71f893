/// Removes known secrets from text that came back from a server (a token endpoint may echo what it was sent)
/// before it goes into an error, a description or a log line.
enum SecretRedaction {
    static func redact(_ text: String, _ secrets: [String]) -> String {
        secrets.filter { $0.count >= 4 }.reduce(text) { $0.replacingOccurrences(of: $1, with: "[redacted]") }
    }
}
