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

/// Dialpad call records CSV: answered when the call connected to a user (a date_connected), a voicemail
/// with a voicemail link, missed otherwise; the parties are the external and internal numbers.
@Suite struct DialpadMappingTests {
    @Test func noConnectedTimeIsMissedAndAVoicemailLinkIsVoicemail() throws {
        let run = try MappingFixtures.run("dialpad-calls-csv", ["dialpad/calls.csv"])
        #expect(run.rejects.isEmpty, "\(run.rejects)")
        #expect(run.records == 4)
        let missed = try #require(run.call("dialpad:5170000000000001"))
        #expect(missed.outcome == .missed)
        #expect(missed.customer == .number("+17205550111"))
        #expect(missed.businessLine == .number("+15125550100"))
        #expect(missed.callerName == "Maria Lopez")
        #expect(ISO8601DateFormatter().string(from: missed.startedAt) == "2026-11-18T14:14:02Z")
        #expect(run.call("dialpad:5170000000000002")?.outcome == .answered)
        #expect(run.call("dialpad:5170000000000002")?.durationSeconds == 252)
        #expect(run.call("dialpad:5170000000000003")?.direction == .outbound)
        #expect(run.call("dialpad:5170000000000003")?.customer == .number("+17205550111"))
        #expect(run.call("dialpad:5170000000000004")?.outcome == .voicemail)
        #expect(run.calls.filter { $0.outcome == .missed }.count == 1)
    }

    @Test func theFileIsRecognised() throws {
        let guess = MappingGuesser.guess(bytes: try MappingFixtures.bytes("dialpad/calls.csv"), among: try MappingFixtures.allSpecs())
        #expect(guess?.spec.name == "dialpad-calls-csv")
    }
}

/// Vonage Business call logs: Answered with some length is answered, Voicemail is a voicemail, any
/// other inbound result (Missed) is missed.
@Suite struct VonageBusinessMappingTests {
    @Test func onlyAnAnsweredResultWithLengthIsAnswered() throws {
        let run = try MappingFixtures.run("vonage-business-call-logs-json", ["vonage/call-logs.json"])
        #expect(run.rejects.isEmpty, "\(run.rejects)")
        #expect(run.records == 4)
        let missed = try #require(run.call("vonage:f27b937d-6dde-441a-9595-006e7302ea01"))
        #expect(missed.outcome == .missed)
        #expect(missed.customer == .number("+17205550111"))
        #expect(run.call("vonage:f27b937d-6dde-441a-9595-006e7302ea02")?.outcome == .answered)
        #expect(run.call("vonage:f27b937d-6dde-441a-9595-006e7302ea03")?.direction == .outbound)
        #expect(run.call("vonage:f27b937d-6dde-441a-9595-006e7302ea03")?.customer == .number("+17205550111"))
        #expect(run.call("vonage:f27b937d-6dde-441a-9595-006e7302ea04")?.outcome == .voicemail)
    }

    @Test func anAnsweredResultOfNoLengthIsMissed() throws {
        let text = """
            {"total_pages": 1, "_embedded": {"call_logs": [
              {"id": "v-0", "from": "+17205550144", "to": "+15125550100", "direction": "Inbound", "length": 0,
               "start": "2026-11-18T14:00:00Z", "result": "Answered"}]}}
            """
        let run = try MappingFixtures.run("vonage-business-call-logs-json", text: text)
        #expect(run.call("vonage:v-0")?.outcome == .missed)
    }

    @Test func theFileIsRecognised() throws {
        let guess = MappingGuesser.guess(bytes: try MappingFixtures.bytes("vonage/call-logs.json"), among: try MappingFixtures.allSpecs())
        #expect(guess?.spec.name == "vonage-business-call-logs-json")
    }
}
