/// A service the business offers, recognised from words in a voicemail transcript.
public struct ServiceRule: Sendable, Hashable {
    public var name: String
    public var trade: String
    public var keywords: [String]
    /// Appointment length for a job of this kind.
    public var jobMinutes: Int

    public init(name: String, trade: String, keywords: [String], jobMinutes: Int) {
        self.name = name
        self.trade = trade
        self.keywords = keywords
        self.jobMinutes = jobMinutes
    }
}
