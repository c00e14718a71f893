/// The two kinds of calendar entries a lead can have.
public enum EventKind: String, Codable, Sendable, Hashable, CaseIterable {
    case callback
    case job
}
