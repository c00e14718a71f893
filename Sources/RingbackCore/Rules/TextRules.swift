/// The words the rules listen for beyond safety, trades and the old keyword lists: how vendors,
/// robocalls, existing customers and active jobs sound in a voicemail, what makes a lead worth a
/// person's look, which phrases cancel a keyword's sense, and what speech-to-text mishears.
public struct TextRules: Sendable {
    public var vendor: [String]
    public var spam: [String]
    public var existingCustomer: [String]
    public var activeJob: [String]
    /// Words that need a person's judgement: Staff review rather than routine.
    public var ambiguous: [String]
    /// Phrases that cancel a keyword's sense ("smoke detector", "gas station").
    public var cancel: [String]
    /// Words that make a safety word past or passing ("the gas company came and fixed it", "only when
    /// it first turns on"): a person decides, the lead is not escalated as an emergency.
    public var resolved: [String]
    public var soundAlikes: [String: String]
    /// Words that make a safety word equipment the caller wants put in, in its clause ("install a
    /// carbon monoxide detector", "hard-wired smoke alarms"): not an incident, not escalated.
    public var installing: [String]
    /// Words that say the work can wait ("whenever you can", "this week", "no rush"): they outweigh
    /// same-day words such as "not cooling", not repeat calls or words that need a person.
    public var routine: [String]
    /// How a caller asks for a call back or for work ("call me back", "can you", "we need", "llámeme",
    /// "necesito"). A voicemail that names no trade's work and no address and asks for nothing is most
    /// likely a vendor, a robocall or a wrong number: a person checks it before it is closed. Empty: no such guess.
    public var asksForHelp: [String]
    /// Named groups of words used as `$name` in any rule's phrases.
    public var concepts: [String: [String]]

    public init(
        vendor: [String] = [], spam: [String] = [], existingCustomer: [String] = [], activeJob: [String] = [],
        ambiguous: [String] = [], cancel: [String] = [], resolved: [String] = [], soundAlikes: [String: String] = [:],
        installing: [String] = [], routine: [String] = [], asksForHelp: [String] = [],
        concepts: [String: [String]] = [:]
    ) {
        self.concepts = concepts
        self.asksForHelp = asksForHelp
        self.installing = installing
        self.routine = routine
        self.vendor = vendor
        self.spam = spam
        self.existingCustomer = existingCustomer
        self.activeJob = activeJob
        self.ambiguous = ambiguous
        self.cancel = cancel
        self.resolved = resolved
        self.soundAlikes = soundAlikes
    }
}
