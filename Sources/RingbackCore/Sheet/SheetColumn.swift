/// The columns of the Missed Calls sheet, in the order a new sheet gets them.
public enum SheetColumn: String, CaseIterable, Sendable {
    case leadID = "Lead ID"
    case timestamp = "Timestamp"
    case callerName = "Caller Name"
    case phone = "Phone"
    case callSource = "Call Source"
    case callerType = "Caller Type"
    case serviceType = "Service Type"
    case addressOrZIP = "Address or ZIP"
    case urgency = "Urgency"
    case summary = "Summary"
    case attempts = "Attempts"
    case nextAction = "Next Action"
    case dueBy = "Due By"
    case owner = "Owner"
    case status = "Status"
    case appointment = "Appointment"
    case notes = "Notes"
    case consentSourceNote = "Consent/Source Note"
    case transcriptLink = "Transcript or Recording"
    case lastSynced = "Last Synced"

    public static let tabName = "Missed Calls"
    public static let header: [String] = allCases.map(\.rawValue)

    /// The office types these; Ringback writes them empty once and never changes them.
    public var isOfficeOwned: Bool { self == .appointment || self == .notes }

    /// Columns holding a local date and time, compared as times rather than as text.
    public var isTime: Bool { self == .timestamp || self == .dueBy || self == .lastSynced || self == .appointment }

    /// Edits here are routing corrections, counted for the weekly review.
    public var isRoutingField: Bool { self == .callerType || self == .owner }
}
