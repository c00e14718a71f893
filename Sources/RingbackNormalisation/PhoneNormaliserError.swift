/// Thrown when a normaliser is asked for a default country it has no numbering plan for.
public enum PhoneNormaliserError: Error, Hashable, Sendable, CustomStringConvertible {
    case unsupportedCountry(String, supported: [String])

    public var description: String {
        switch self {
        case .unsupportedCountry(let code, let supported):
            "unsupported default country \"\(code)\" for phone numbers; use one of \(supported.joined(separator: ", "))"
        }
    }
}
