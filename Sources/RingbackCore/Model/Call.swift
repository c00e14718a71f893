import Foundation

/// A normalised phone call (all legs grouped), the unit every phone system's export is mapped to.
public struct Call: Codable, Sendable, Hashable {
    /// Stable de-duplication key across overlapping exports, e.g. `twilio:CA123…`.
    public var key: String
    /// Name of the configured source it came from.
    public var source: String
    public var startedAt: Date
    public var direction: CallDirection
    /// The outside party: the caller of an inbound call, the callee of an outbound one.
    public var customer: Party
    /// The business-side number or extension involved.
    public var businessLine: Party
    public var durationSeconds: Int
    public var outcome: CallOutcome
    public var callerName: String?
    public var transcript: String?
    public var recordingURL: String?
    /// Marketing or tracking source, e.g. "Google Business Profile".
    public var trackingSource: String?

    public init(
        key: String, source: String, startedAt: Date, direction: CallDirection,
        customer: Party, businessLine: Party, durationSeconds: Int, outcome: CallOutcome,
        callerName: String? = nil, transcript: String? = nil, recordingURL: String? = nil,
        trackingSource: String? = nil
    ) {
        self.key = key
        self.source = source
        self.startedAt = startedAt
        self.direction = direction
        self.customer = customer
        self.businessLine = businessLine
        self.durationSeconds = durationSeconds
        self.outcome = outcome
        self.callerName = callerName
        self.transcript = transcript
        self.recordingURL = recordingURL
        self.trackingSource = trackingSource
    }
}
