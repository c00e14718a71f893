import Foundation
import RingbackCore
import Testing

@testable import RingbackMapping

@Suite struct RingCentralMappingTests {
    static let mapping = "ringcentral-call-log-json"
    static let pages = ["ringcentral/call-log-page1.json", "ringcentral/call-log-page2.json"]

    static func key(_ n: Int) -> String { "ringcentral:RC5K1A" + String(format: "%04d", n) }

    @Test func readsRecordsAndTheirLegsAcrossPages() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        #expect(run.records == 15)
        // Page 2 repeats RC5K1A0011 (overlapping pages); RC5K1A0013 is unreadable.
        #expect(run.calls.map(\.key) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14].map(Self.key))
        #expect(run.rejects.map(\.location) == ["records[2]", "records[3].legs[1]"])
        #expect(run.rejects.allSatisfy { $0.file == "ringcentral/call-log-page2.json" })
        #expect(run.rejects.first?.reason.contains("`yesterday at noon`") == true)
    }

    @Test(arguments: [
        (1, CallOutcome.missed),  // Missed, its one leg Missed
        (2, CallOutcome.voicemail),  // Voicemail on the record and on its second leg
        (3, CallOutcome.answered),  // missed overall, but a forwarded leg was Accepted
        (4, CallOutcome.answered),  // accepted overall, with a ring-group leg that Missed
        (5, CallOutcome.missed),  // No Answer
        (6, CallOutcome.missed),  // Hang Up
        (7, CallOutcome.missed),  // Abandoned
        (8, CallOutcome.missed),  // Rejected
        (9, CallOutcome.missed),  // Missed; the forwarded leg was "Answered Not Accepted" by a mobile's voicemail
        (12, CallOutcome.answered),  // Accepted, no legs (view=Simple)
        (14, CallOutcome.missed),  // one leg unreadable, the other Missed
    ])
    func inboundOutcomeComesFromTheRecordAndItsLegs(number: Int, expected: CallOutcome) throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        let call = try #require(run.call(Self.key(number)))
        #expect(call.direction == .inbound)
        #expect(call.outcome == expected)
        #expect(call.businessLine == .number("+15125550100"))
    }

    @Test func callbacksAreOutboundAttemptsOrConversations() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        let connected = try #require(run.call(Self.key(10)))
        #expect(connected.direction == .outbound)
        #expect(connected.outcome == .answered)
        #expect(connected.customer == .number("+15125550133"))
        #expect(connected.recordingURL == "https://media.ringcentral.com/restapi/v1.0/account/~/recording/7720010/content")
        let unanswered = try #require(run.call(Self.key(11)))
        #expect(unanswered.outcome == .missed)
        // "12055550010" has no plus: read as a North American number.
        #expect(unanswered.customer == .number("+12055550010"))
    }

    @Test func numbersWithoutPlusAndNameOnlyCallersAreKept() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        #expect(try #require(run.call(Self.key(2))).customer == .number("+15125550144"))
        let withheld = try #require(run.call(Self.key(5)))
        #expect(withheld.customer == .anonymous)
        #expect(withheld.callerName == "WITHHELD")
        #expect(withheld.outcome == .missed)
    }

    @Test func timesKeepTheirMilliseconds() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        let call = try #require(run.call(Self.key(1)))
        // 2026-11-16T15:02:11.482Z
        #expect(abs(call.startedAt.timeIntervalSince1970 - 1_794_841_331.482) < 0.000_5)
        #expect(call.durationSeconds == 24)
        #expect(call.callerName == "LOPEZ MARIA")
    }

    @Test func legsAreNamedAfterTheirRecordAndJoinItsCall() throws {
        let run = try MappingFixtures.run(Self.mapping, ["ringcentral/call-log-page1.json"])
        let legs = run.legs.filter { $0.parent == "RC5K1A0004" }
        #expect(legs.map(\.id) == ["RC5K1A0004/legs[0]", "RC5K1A0004/legs[1]", "RC5K1A0004/legs[2]"])
        #expect(legs.map(\.location) == ["records[3].legs[0]", "records[3].legs[1]", "records[3].legs[2]"])
        #expect(run.legs.count == 21)
        #expect(run.calls.count == 11)
    }

    @Test func theSamePageReadTwiceGivesEachCallOnce() throws {
        let once = try MappingFixtures.run(Self.mapping, ["ringcentral/call-log-page1.json"])
        let twice = try MappingFixtures.run(Self.mapping, ["ringcentral/call-log-page1.json", "ringcentral/call-log-page1.json"])
        #expect(twice.legs.count == 2 * once.legs.count)
        #expect(twice.calls.map(\.key) == once.calls.map(\.key))
        #expect(twice.calls.map(\.outcome) == once.calls.map(\.outcome))
    }

    @Test func aFileHoldingOneRecordIsRead() throws {
        let run = try MappingFixtures.run(Self.mapping, ["ringcentral/call-log-record.json"])
        #expect(run.rejects.isEmpty)
        #expect(run.calls.map(\.key) == [Self.key(15)])
        #expect(run.legs.first?.location == "[0]")
    }

    static let realFolder = MappingFixtures.realSamplesFolder.appendingPathComponent("ringcentral")
    static let realSamplesPresent = FileManager.default.fileExists(
        atPath: realFolder.appendingPathComponent("call_log_sync_fsync_from_docs.json").path)

    /// The documentation's examples: no Missed or Voicemail record exists among them.
    @Test(.enabled(if: realSamplesPresent, "shared/samples-real/ringcentral is absent"))
    func readsTheDocumentationExamples() throws {
        let engine = try MappingFixtures.engine(Self.mapping)
        var calls: [Call] = []
        for name in ["call_log_list_simple_from_docs.json", "call_log_record_sample.json", "call_log_sync_fsync_from_docs.json"] {
            let read = engine.read(bytes: [UInt8](try Data(contentsOf: Self.realFolder.appendingPathComponent(name))), file: name)
            #expect(read.rejects.isEmpty, "\(read.rejects.map(\.description))")
            calls += CallAssembler(engine: engine).calls(from: read.legs)
        }
        #expect(calls.count == 6)
        #expect(calls.filter { $0.direction == .inbound }.map(\.outcome) == [.answered, .answered])
        // The 2013 sync example: `from` objects with only a name, numbers with and without "+".
        let sync = calls.suffix(3)
        #expect(sync.allSatisfy { $0.businessLine == .anonymous && $0.direction == .outbound })
        #expect(sync.map(\.outcome) == [.missed, .answered, .answered])
        #expect(sync.map(\.customer).last == .number("+12055550010"))
    }
}
