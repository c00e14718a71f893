import Foundation

/// Everything one applied run adds to the state store, written in a single transaction.
public struct StateCommit: Sendable {
    public var processedFiles: [ProcessedFile]
    /// New calls for the ledger; keys already present are ignored.
    public var newCalls: [Call]
    /// Recorded calls a later reading added to (a transcript, a voicemail): they replace the recorded ones.
    public var updatedCalls: [Call] = []
    /// First-call key → Lead ID, so a lead keeps its ID when earlier calls arrive late.
    public var leadAnchors: [String: String]
    public var targetChanges: [String: TargetStateChange]
    /// Former target label → current one: the state of a target recorded under its old name (an absolute
    /// path, before targets were named by what they are) moves to its new name first.
    public var renamedTargets: [String: String] = [:]
    /// Targets whose journal entry this commit settles.
    public var settledTargets: Set<String> = []
    /// The business the state is written for (the config's `business.name`).
    public var business: String?
    public var watermarks: [String: Date]
    /// Calendar target → its read state after this run (replaces the one stored).
    public var calendarReadStates: [String: CalendarReadState] = [:]
    /// Leads settled for good (archived from the live sheet): later runs neither load nor plan their
    /// calls, rows and events.
    public var frozen: [FrozenLead] = []
    public var run: RunRecord

    public init(
        processedFiles: [ProcessedFile] = [], newCalls: [Call] = [], leadAnchors: [String: String] = [:],
        targetChanges: [String: TargetStateChange] = [:], watermarks: [String: Date] = [:], run: RunRecord
    ) {
        self.processedFiles = processedFiles
        self.newCalls = newCalls
        self.leadAnchors = leadAnchors
        self.targetChanges = targetChanges
        self.watermarks = watermarks
        self.run = run
    }
}
