/// A lead whose row left the live sheet for the archive: nothing the office or a later call does can
/// change it any more (a new missed call from the number opens a lead of its own), so later runs leave
/// its calls, its archived row and its events out of the work they load and plan.
public struct FrozenLead: Sendable, Hashable {
    public var leadID: String
    /// The keys of every call the lead holds (missed calls and later contact).
    public var callKeys: [String]

    public init(leadID: String, callKeys: [String]) {
        self.leadID = leadID
        self.callKeys = callKeys
    }

    public init(_ lead: Lead) {
        self.init(leadID: lead.id, callKeys: lead.missedCalls.map(\.key) + lead.laterContacts.map(\.key))
    }
}
