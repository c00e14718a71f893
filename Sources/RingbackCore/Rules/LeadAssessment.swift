import Foundation

/// What the rules concluded about a lead: the sheet row and calendar events are rendered from it.
public struct LeadAssessment: Sendable, Hashable {
    public var callerType: CallerType
    public var service: ServiceRule?
    public var urgency: Urgency
    public var callerName: String
    public var address: String
    public var zip: String
    /// nil when no ZIP is known.
    public var inServiceArea: Bool?
    public var afterHours: Bool
    public var owner: String
    public var status: LeadStatus
    public var nextAction: String
    public var dueBy: Date?
    public var summary: String
    public var appointment: Date?
    /// The caller type, urgency and trade with the reasons for each.
    public var verdict: Verdict
    /// Name, callback number, address and preferred time as the voicemail gave them.
    public var intake: IntakeFields
    /// Every voicemail of the lead, in full.
    public var transcript: String
}
