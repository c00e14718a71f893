/// What the pull-and-map stage read this run; shown beside the plan.
public struct IngestSummary: Sendable, Hashable, Codable {
    public var filesRead = 0
    public var filesSkipped = 0
    public var records = 0
    public var newCalls = 0
    public var rejects = 0
    public var leads = 0

    public init() {}
}
