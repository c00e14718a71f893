import Foundation

/// What the office typed into a lead's row that the rules take into account.
public struct OfficeInput: Sendable, Hashable {
    public var appointment: Date?
    public var status: LeadStatus?
    public var callerType: CallerType?
    public var owner: String?
    /// When Ringback first saw the office reopen a lead its rules had closed: its due-by counts from then.
    public var reopenedAt: Date?

    public init(
        appointment: Date? = nil, status: LeadStatus? = nil, callerType: CallerType? = nil, owner: String? = nil, reopenedAt: Date? = nil
    ) {
        self.appointment = appointment
        self.status = status
        self.callerType = callerType
        self.owner = owner
        self.reopenedAt = reopenedAt
    }

    public static let none = OfficeInput()
}
