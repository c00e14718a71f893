import Foundation

/// Unanswered inbound calls from one caller inside the follow-up window, with what happened after.
public struct Lead: Sendable, Hashable {
    public var id: String
    public var customer: Party
    /// The missed and voicemail calls, oldest first; their count is the attempts column.
    public var missedCalls: [Call]
    /// Answered calls either way and outbound attempts after the first missed call.
    public var laterContacts: [Call]
    /// The lead the office closed before this one's first call came in, if that is why it is its own.
    public var follows: String?

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
    // Read through indices: a closure over the calls themselves would copy each one.

    public var wasReached: Bool { laterContacts.indices.contains { laterContacts[$0].outcome == .answered } }

    public var outboundAttempts: Int { laterContacts.indices.filter { laterContacts[$0].direction == .outbound }.count }

    public var callerName: String? { last(of: missedCalls.indices.map { missedCalls[$0].callerName }) }

    public var transcripts: [String] { missedCalls.indices.compactMap { missedCalls[$0].transcript }.filter { !$0.isEmpty } }

    public var hasVoicemail: Bool { missedCalls.indices.contains { missedCalls[$0].outcome == .voicemail } }

    public var recordingURL: String? { last(of: missedCalls.indices.map { missedCalls[$0].recordingURL }) }

    public var trackingSource: String? { missedCalls.indices.lazy.compactMap { self.missedCalls[$0].trackingSource }.first { !$0.isEmpty } }

    private func last(of texts: [String?]) -> String? {
        texts.lazy.compactMap { $0 }.last { !$0.isEmpty }
    }
}
