/// One end of a call after normalisation: a dialable E.164 number, or why there is none.
public enum Party: Codable, Sendable, Hashable {
    case number(String)
    case anonymous
    case internalExtension(String)
    case unusable(raw: String, reason: String)

    /// The E.164 number when the party can be called back.
    public var e164: String? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// What the office sees in the Phone column.
    public var display: String {
        switch self {
        case .number(let value): return value
        case .anonymous: return "Anonymous"
        case .internalExtension(let ext): return "ext. \(ext)"
        case .unusable(let raw, _): return raw
        }
    }
}
