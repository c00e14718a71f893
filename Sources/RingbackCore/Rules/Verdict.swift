/// What the rules decided about a voicemail and why, in words the office can check: the phrase heard
/// and the rule it triggered, for the caller type, the urgency and the trade.
public struct Verdict: Sendable, Hashable {
    public var callerType: CallerType
    public var callerTypeReason: String
    public var urgency: Urgency
    public var urgencyReason: String
    public var service: ServiceRule?
    public var tradeReason: String
    /// The safety issue heard, in plain words ("gas smell"), and the caller's own words for it.
    public var safetyIssue: String?
    public var safetyHeard: String?
    /// Words that need a person's judgement: the lead goes to Staff review rather than routine.
    public var reviewReason: String?

    public init(
        callerType: CallerType, callerTypeReason: String, urgency: Urgency, urgencyReason: String,
        service: ServiceRule? = nil, tradeReason: String = "", safetyIssue: String? = nil, safetyHeard: String? = nil,
        reviewReason: String? = nil
    ) {
        self.callerType = callerType
        self.callerTypeReason = callerTypeReason
        self.urgency = urgency
        self.urgencyReason = urgencyReason
        self.service = service
        self.tradeReason = tradeReason
        self.safetyIssue = safetyIssue
        self.safetyHeard = safetyHeard
        self.reviewReason = reviewReason
    }

    /// One line for the sheet's Why column.
    public var why: String {
        var parts = ["Type: \(callerTypeReason)", "Urgency: \(urgencyReason)"]
        if !tradeReason.isEmpty { parts.append("Trade: \(tradeReason)") }
        if let reviewReason { parts.append("Review: \(reviewReason)") }
        return parts.joined(separator: " | ")
    }
}
