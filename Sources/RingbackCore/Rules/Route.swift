/// Who owns a caller type's callback, how fast, and what they should do.
public struct Route: Sendable, Hashable {
    public var owner: String
    /// Owner outside business hours (the on-call person); nil keeps the daytime owner.
    public var afterHoursOwner: String?
    /// Minutes to the callback deadline, counted in business hours unless `aroundTheClock`.
    public var slaMinutes: Int
    public var aroundTheClock: Bool
    public var nextAction: String

    public init(owner: String, afterHoursOwner: String? = nil, slaMinutes: Int, aroundTheClock: Bool = false, nextAction: String) {
        self.owner = owner
        self.afterHoursOwner = afterHoursOwner
        self.slaMinutes = slaMinutes
        self.aroundTheClock = aroundTheClock
        self.nextAction = nextAction
    }
}
