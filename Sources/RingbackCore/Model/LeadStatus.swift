/// The seven statuses of the follow-up loop, spelled as the office reads them in the sheet.
public enum LeadStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case newMissedCall = "New missed call"
    case awaitingReply = "Awaiting reply"
    case qualified = "Qualified"
    case booked = "Booked"
    case staffReview = "Staff review"
    case closedNoResponse = "Closed - no response"
    case closedNotAFit = "Closed - not a fit"

    /// Open leads still need a callback from someone.
    public var isOpen: Bool {
        switch self {
        case .newMissedCall, .awaitingReply, .qualified, .staffReview: return true
        case .booked, .closedNoResponse, .closedNotAFit: return false
        }
    }

    /// Closed leads are done with: no callback, no further follow-up.
    public var isClosed: Bool { self == .closedNoResponse || self == .closedNotAFit }

    /// Reads a status typed by the office, forgiving case, spacing and dash style.
    public init?(officeText: String) {
        let folded = LeadStatus.fold(officeText)
        guard let match = LeadStatus.allCases.first(where: { LeadStatus.fold($0.rawValue) == folded }) else { return nil }
        self = match
    }

    private static func fold(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic })
    }
}
