import Foundation
import RingbackCore
import Testing

@testable import RingbackMapping

/// Zoom Phone call logs: answered when there is an answer_start_time (or the result says connected);
/// has_voicemail makes an unanswered call a voicemail.
@Suite struct ZoomPhoneMappingTests {
    @Test func missedVoicemailAndAnsweredFollowTheLogsFields() throws {
        let run = try MappingFixtures.run("zoom-phone-call-logs-json", ["zoom/call-logs.json"])
        #expect(run.rejects.isEmpty, "\(run.rejects)")
        #expect(run.records == 4)
        #expect(run.call("zoom:zl-0001")?.outcome == .missed)
        #expect(run.call("zoom:zl-0001")?.customer == .number("+17205550111"))
        #expect(run.call("zoom:zl-0001")?.callerName == "MARIA LOPEZ")
        #expect(run.call("zoom:zl-0002")?.outcome == .answered)
        #expect(run.call("zoom:zl-0003")?.outcome == .voicemail)
        #expect(run.call("zoom:zl-0004")?.direction == .outbound)
        #expect(run.call("zoom:zl-0004")?.customer == .number("+17205550111"))
    }

    @Test func theFileIsRecognised() throws {
        let guess = MappingGuesser.guess(bytes: try MappingFixtures.bytes("zoom/call-logs.json"), among: try MappingFixtures.allSpecs())
        #expect(guess?.spec.name == "zoom-phone-call-logs-json")
    }
}

/// 3CX call log CSV: missed when Unanswered, or Answered (by a queue or IVR) with no talking time.
@Suite struct ThreeCXMappingTests {
    @Test func unansweredOrNoTalkingTimeIsMissed() throws {
        let run = try MappingFixtures.run("threecx-call-log-csv", ["3cx/call-log.csv"])
        #expect(run.rejects.isEmpty, "\(run.rejects)")
        #expect(run.records == 4)
        #expect(run.call("3cx:00000A1B")?.outcome == .missed)
        #expect(run.call("3cx:00000A1B")?.customer == .number("+17205550111"))
        #expect(run.call("3cx:00000A1C")?.outcome == .answered)
        #expect(run.call("3cx:00000A1C")?.durationSeconds == 252)
        #expect(run.call("3cx:00000A1D")?.direction == .outbound)
        #expect(run.call("3cx:00000A1E")?.outcome == .missed)
        let start = try #require(run.call("3cx:00000A1B")?.startedAt)
        #expect(ISO8601DateFormatter().string(from: start) == "2026-11-18T14:14:02Z")
    }

    @Test func theFileIsRecognised() throws {
        let guess = MappingGuesser.guess(bytes: try MappingFixtures.bytes("3cx/call-log.csv"), among: try MappingFixtures.allSpecs())
        #expect(guess?.spec.name == "threecx-call-log-csv")
    }
}
