/// The columns of the Missed Calls sheet, in the order a new sheet gets them.
/// The raw value is a stable key for the state store and scripts; `title` is the header the office sees,
/// mapped to columns once, by the adapter that reads a sheet.
public enum SheetColumn: String, CaseIterable, Sendable, Codable {
    case leadID = "lead_id"
    case timestamp = "timestamp"
    case callerName = "caller_name"
    case phone = "phone"
    case callSource = "call_source"
    case callerType = "caller_type"
    case serviceType = "service_type"
    case addressOrZIP = "address_or_zip"
    case urgency = "urgency"
    case summary = "summary"
    case attempts = "attempts"
    case nextAction = "next_action"
    case suggestedMessage = "suggested_message"
    case offeredWindows = "offered_windows"
    case dueBy = "due_by"
    case owner = "owner"
    case status = "status"
    case appointment = "appointment"
    case notes = "notes"
    case consentSourceNote = "consent_source_note"
    case transcriptLink = "transcript_or_recording"
    case why = "why"
    case transcript = "transcript"
    case problems = "problems"
    case lastSynced = "last_synced"

    public static let tabName = "Missed Calls"
    /// The header row of a new sheet.
    public static let header: [String] = allCases.map(\.title)
    public static let count = allCases.count

    /// The header text in the sheet.
    public var title: String {
        switch self {
        case .leadID: "Lead ID"
        case .timestamp: "Timestamp"
        case .callerName: "Caller Name"
        case .phone: "Phone"
        case .callSource: "Call Source"
        case .callerType: "Caller Type"
        case .serviceType: "Service Type"
        case .addressOrZIP: "Address or ZIP"
        case .urgency: "Urgency"
        case .summary: "Summary"
        case .attempts: "Attempts"
        case .nextAction: "Next Action"
        case .suggestedMessage: "Suggested Message"
        case .offeredWindows: "Offered Windows"
        case .dueBy: "Due By"
        case .owner: "Owner"
        case .status: "Status"
        case .appointment: "Appointment"
        case .notes: "Notes"
        case .consentSourceNote: "Consent/Source Note"
        case .transcriptLink: "Transcript or Recording"
        case .why: "Why"
        case .transcript: "Transcript"
        case .problems: "Problems"
        case .lastSynced: "Last Synced"
        }
    }

    /// The column a header cell names, if it is one of Ringback's.
    public init?(title: String) {
        guard let column = Self.byTitle[title] else { return nil }
        self = column
    }

    private static let byTitle: [String: SheetColumn] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.title, $0) })

    /// Position in `allCases`, for array-backed storage (a switch: rows are read by the ten thousand).
    public var index: Int {
        switch self {
        case .leadID: 0
        case .timestamp: 1
        case .callerName: 2
        case .phone: 3
        case .callSource: 4
        case .callerType: 5
        case .serviceType: 6
        case .addressOrZIP: 7
        case .urgency: 8
        case .summary: 9
        case .attempts: 10
        case .nextAction: 11
        case .suggestedMessage: 12
        case .offeredWindows: 13
        case .dueBy: 14
        case .owner: 15
        case .status: 16
        case .appointment: 17
        case .notes: 18
        case .consentSourceNote: 19
        case .transcriptLink: 20
        case .why: 21
        case .transcript: 22
        case .problems: 23
        case .lastSynced: 24
        }
    }

    /// Columns added after sheets were already in use: appended to the end of an existing sheet's
    /// header, so the office sees them without rebuilding the sheet.
    public static let addedLater: [SheetColumn] = [.why, .transcript, .problems, .suggestedMessage, .offeredWindows]

    /// The office types these; Ringback writes them empty once and never changes them.
    public var isOfficeOwned: Bool { self == .appointment || self == .notes }

    /// An office-owned column Ringback fills while it is empty: the Appointment of a job found on a crew calendar.
    public var isFilledFromCalendar: Bool { self == .appointment }

    /// Columns holding a local date and time, compared as times rather than as text.
    public var isTime: Bool { self == .timestamp || self == .dueBy || self == .lastSynced || self == .appointment }

    /// Edits here are routing corrections, counted for the weekly review.
    public var isRoutingField: Bool { self == .callerType || self == .owner }
}
