import Foundation

/// Unanswered inbound calls from one caller inside the follow-up window, with what happened after.
public struct Lead: Sendable, Hashable {
    public var id: String
    public var customer: Party
    /// The missed and voicemail calls, oldest first; their count is the attempts column.
    public var missedCalls: [Call]
    /// Answered calls either way and outbound attempts after the first missed call.
    public var laterContacts: [Call]

    public init(id: String, customer: Party, missedCalls: [Call], laterContacts: [Call] = []) {
        self.id = id
        self.customer = customer
        self.missedCalls = missedCalls
        self.laterContacts = laterContacts
    }

    public var attempts: Int { missedCalls.count }
    public var firstMissedAt: Date { missedCalls[0].startedAt }
    public var lastMissedAt: Date { missedCalls[missedCalls.count - 1].startedAt }

    public var lastActivityAt: Date {
        max(lastMissedAt, laterContacts.last?.startedAt ?? lastMissedAt)
    }

    /// Someone at the business spoke with the caller after the miss.
    public var wasReached: Bool { laterContacts.contains { $0.outcome == .answered } }

    public var outboundAttempts: Int { laterContacts.filter { $0.direction == .outbound }.count }

    public var callerName: String? { missedCalls.lazy.compactMap(\.callerName).last { !$0.isEmpty } }

    public var transcripts: [String] { missedCalls.compactMap(\.transcript).filter { !$0.isEmpty } }

    public var hasVoicemail: Bool { missedCalls.contains { $0.outcome == .voicemail } }

    public var recordingURL: String? { missedCalls.lazy.compactMap(\.recordingURL).last { !$0.isEmpty } }

    public var trackingSource: String? { missedCalls.lazy.compactMap(\.trackingSource).first { !$0.isEmpty } }
}
