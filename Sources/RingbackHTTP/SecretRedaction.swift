import Foundation
import RingbackCodecs

/// Takes known secrets out of text before it goes into an error, a description or a log line: a token
/// endpoint may echo what it was sent, and an API's URLs carry its credentials. Each secret is found as
/// written and percent-encoded. One rule for Google's credentials and API sources' variables.
package enum SecretRedaction {
    /// Shorter values are left alone: replacing every `ab` would mangle the text and hide nothing.
    package static let minimumLength = 3

    /// `text` with each secret replaced by its placeholder.
    package static func redact(_ text: String, _ secrets: [(secret: String, placeholder: String)]) -> String {
        var out = text
        for (secret, placeholder) in secrets where secret.count >= minimumLength {
            for form in Set([secret, PercentEncoding.encode(secret)]) {
                out = out.replacingOccurrences(of: form, with: placeholder)
            }
        }
        return out
    }

    /// `text` with each secret replaced by `[redacted]`.
    package static func redact(_ text: String, _ secrets: [String]) -> String {
        redact(text, secrets.map { (secret: $0, placeholder: "[redacted]") })
    }
}
