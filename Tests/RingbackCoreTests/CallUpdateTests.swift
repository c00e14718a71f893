import Foundation
import Testing

@testable import RingbackCore

/// A recorded call read again later: what the later reading adds is kept, nothing recorded is erased.
@Suite struct CallUpdateTests {
    static func call(_ key: String, outcome: CallOutcome = .missed, transcript: String? = nil, recording: String? = nil) -> Call {
        Call(
            key: key, source: "phone", startedAt: Date(timeIntervalSince1970: 1_794_000_000), direction: .inbound,
            customer: .number("+17205550111"), businessLine: .number("+15125550100"), durationSeconds: 0, outcome: outcome,
            transcript: transcript, recordingURL: recording)
    }

    @Test func aTranscriptThatArrivedLaterUpdatesTheRecordedCall() {
        let recorded = [Self.call("op:1"), Self.call("op:2")]
        let later = [Self.call("op:1", outcome: .voicemail, transcript: "The boiler is leaking", recording: "https://r/1.mp3"), Self.call("op:3")]
        let updated = CallDeduplication.updatedCalls(later, known: recorded)
        #expect(updated.map(\.key) == ["op:1"])
        #expect(updated.first?.transcript == "The boiler is leaking")
        #expect(updated.first?.outcome == .voicemail)
        #expect(updated.first?.recordingURL == "https://r/1.mp3")
        #expect(CallDeduplication.newCalls(later, known: recorded).map(\.key) == ["op:3"])
    }

    @Test func aLaterReadingWithLessErasesNothing() {
        let recorded = [Self.call("op:1", outcome: .voicemail, transcript: "The boiler is leaking")]
        #expect(CallDeduplication.updatedCalls([Self.call("op:1")], known: recorded).isEmpty)
        #expect(CallDeduplication.updatedCalls([Self.call("op:1", transcript: "other words")], known: recorded).isEmpty)
    }
}
