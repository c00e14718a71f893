/// The seed's appointment types: each has its own length in the `booking:` rules.
public enum AppointmentType: String, CaseIterable, Sendable, Hashable, Codable {
    case estimate
    case diagnostic
    case maintenance
    case emergency
    case warranty
    case callback
}
