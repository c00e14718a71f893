/// Which way a call went, seen from the business.
public enum CallDirection: String, Codable, Sendable, Hashable {
    case inbound
    case outbound
}
