import Foundation

/// Everything the business decides about its calls, already validated; the core's only configuration.
public struct BusinessRules: Sendable {
    public var businessName: String
    public var hours: BusinessHours
    /// The business's own numbers in E.164: calls between them are not leads.
    public var ownNumbers: Set<String>
    public var internalExtensions: Set<String>
    /// Empty means every ZIP is served.
    public var serviceAreaZIPs: Set<String>
    public var routes: [CallerType: Route]
    /// Repeat missed calls within this span of the last activity join the same lead.
    public var followUpWindow: TimeInterval
    /// When a lead may close for no response, and when an overdue one goes to a person.
    public var followUpPolicy: FollowUpPolicy
    public var services: [ServiceRule]
    public var emergencyKeywords: [String]
    public var sameDayKeywords: [String]
    public var complexQuoteKeywords: [String]
    public var wrongNumberKeywords: [String]
    /// Safety words by issue; `emergencyKeywords` not grouped in one are each their own issue.
    public var safetyIssues: [SafetyIssue]
    public var text: TextRules
    /// This many missed calls in one lead make it same-day.
    public var repeatCallsForSameDay: Int
    public var lists: ContactLists
    public var callbackMinutes: Int
    public var defaultJobMinutes: Int
    /// How appointments are offered; nil offers none.
    public var booking: BookingRules?
    /// The suggested messages' wording.
    public var scripts: MessageScripts = .standard
    /// Closed leads whose first call is older than this leave the live sheet for its archive; nil keeps them.
    public var archiveAfterDays: Int? = nil

    public init(
        businessName: String, hours: BusinessHours, ownNumbers: Set<String> = [], internalExtensions: Set<String> = [],
        serviceAreaZIPs: Set<String> = [], routes: [CallerType: Route], followUpWindow: TimeInterval = 72 * 3600,
        services: [ServiceRule] = [], emergencyKeywords: [String] = [], sameDayKeywords: [String] = [],
        complexQuoteKeywords: [String] = [], wrongNumberKeywords: [String] = [], repeatCallsForSameDay: Int = 3,
        lists: ContactLists = ContactLists(), callbackMinutes: Int = 15, defaultJobMinutes: Int = 120,
        safetyIssues: [SafetyIssue] = [], text: TextRules = TextRules(), followUpPolicy: FollowUpPolicy = FollowUpPolicy()
    ) {
        self.businessName = businessName
        self.hours = hours
        self.ownNumbers = ownNumbers
        self.internalExtensions = internalExtensions
        self.serviceAreaZIPs = serviceAreaZIPs
        self.routes = routes
        self.followUpWindow = followUpWindow
        self.followUpPolicy = followUpPolicy
        self.services = services
        self.emergencyKeywords = emergencyKeywords
        self.sameDayKeywords = sameDayKeywords
        self.complexQuoteKeywords = complexQuoteKeywords
        self.wrongNumberKeywords = wrongNumberKeywords
        self.repeatCallsForSameDay = repeatCallsForSameDay
        self.lists = lists
        self.callbackMinutes = callbackMinutes
        self.defaultJobMinutes = defaultJobMinutes
        let grouped = Set(safetyIssues.flatMap(\.keywords))
        self.safetyIssues = safetyIssues + emergencyKeywords.filter { !grouped.contains($0) }.map { SafetyIssue(name: $0, keywords: [$0]) }
        self.text = text
    }

    public func route(for type: CallerType) -> Route {
        routes[type] ?? Route(owner: "Office manager", slaMinutes: 120, nextAction: "Call back")
    }
}
