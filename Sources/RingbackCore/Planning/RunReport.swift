/// One run as the office reads it in the sheet's status tab or the status file: when it ran, what it
/// read and what needs a look, so a nightly job that stopped bringing calls is seen without a log.
public struct RunReport: Sendable, Hashable {
    /// The run's end in the business's time, as the sheet shows times.
    public var finishedAt: String
    public var filesRead: Int
    public var newCalls: Int
    public var leads: Int
    public var rejects: [RecordReject]
    /// Things the office must act on: notes of the plan and sources that failed or went silent.
    public var problems: Int
    public var summary: String

    public init(plan: SyncPlan, problems: Int, rejects: [RecordReject], finishedAt: String) {
        self.finishedAt = finishedAt
        filesRead = plan.ingest.filesRead
        newCalls = plan.ingest.newCalls
        leads = plan.ingest.leads
        self.rejects = rejects
        self.problems = problems
        summary = plan.summaryLine
    }

    public static let header = ["Run", "Files read", "New calls", "Leads", "Rejected records", "Problems", "Summary"]

    public var cells: [String] {
        [finishedAt, String(filesRead), String(newCalls), String(leads), String(rejects.count), String(problems), summary]
    }

    public static let rejectHeader = ["Run", "File", "Where", "Why", "Record"]

    /// One line per rejected record, for a tab the office reads.
    public var rejectCells: [[String]] {
        rejects.map { [finishedAt, $0.file, $0.location, $0.reason, $0.raw] }
    }
}
