import RingbackCodecs

/// How a field's text is encoded in an export, undone before the value is read.
public enum TextDecoding: String, Sendable {
    /// Percent-encoding (`2009-05-21%2010%3A53%3A46`), as FreeSWITCH writes its CDR variables.
    /// A `+` stays a plus: these are not form fields, and phone numbers keep it.
    case url

    func decode(_ text: String) -> String {
        switch self {
        case .url: return PercentEncoding.decode(text)
        }
    }
}
