/// How a call ended for the business: the fact a lead is built from.
public enum CallOutcome: String, Codable, Sendable, Hashable {
    case answered
    case missed
    case voicemail

    public var isUnanswered: Bool { self != .answered }
}
