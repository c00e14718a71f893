/// How soon the caller needs someone: drives the due-by time and the on-call rule.
public enum Urgency: String, Codable, Sendable, Hashable {
    case emergency = "Emergency"
    case sameDay = "Same-day"
    case routine = "Routine"
}
