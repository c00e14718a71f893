import Foundation
import RingbackHTTP
import RingbackMapping

/// The values of the environment variables an API source's mapping names (credentials, account ids).
/// It only ever shows them as `${NAME}`: in URLs, errors, logs and its own description.
package struct APIVariables: Sendable, CustomStringConvertible {
    let values: [String: String]
    /// Names whose values are credentials; redacted wherever they appear.
    let secretNames: [String]

    init(values: [String: String], secretNames: [String]) {
        self.values = values
        self.secretNames = secretNames
    }

    package func value(_ name: String) -> String { values[name] ?? "" }

    /// The template with every variable replaced by its value, encoded with `encode`.
    func expand(_ template: APISpec.Template, encode: (String) -> String = { $0 }) -> String {
        template.expand { encode(value($0)) }
    }

    /// `text` with each credential, as written or percent-encoded, replaced by its variable's name.
    package func redact(_ text: String) -> String {
        SecretRedaction.redact(text, secretNames.map { (secret: value($0), placeholder: "${\($0)}") })
    }

    package var description: String { "values of " + values.keys.sorted().map { "$\($0)" }.joined(separator: ", ") }
}
