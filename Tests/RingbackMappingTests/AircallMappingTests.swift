import Foundation
import RingbackCore
import Testing

@testable import RingbackMapping

@Suite struct AircallMappingTests {
    static let webhooks = "aircall-webhooks-json"
    static let api = "aircall-calls-json"

    @Test func repeatedEventsOfOneCallBecomeOneCallInItsLastState() throws {
        let run = try MappingFixtures.run(Self.webhooks, ["aircall/call-webhooks.json"])
        #expect(run.records == 18)
        #expect(run.legs.count == 17)
        #expect(
            run.calls.map(\.key) == ["aircall:1001", "aircall:1002", "aircall:1003", "aircall:1004", "aircall:1005", "aircall:1006", "aircall:1007"])
        #expect(run.calls.map(\.outcome) == [.voicemail, .answered, .missed, .answered, .missed, .missed, .missed])
    }

    @Test func theLatestEventWinsEvenWhenTheFileListsItEarlier() throws {
        // call.voicemail_left (timestamp +52) comes before call.hungup (+30) and call.ended (+45) in the file.
        let run = try MappingFixtures.run(Self.webhooks, ["aircall/call-webhooks.json"])
        let call = try #require(run.call("aircall:1001"))
        #expect(call.outcome == .voicemail)
        #expect(call.recordingURL == "https://cdn.aircall.io/voicemails/1001.mp3")
        #expect(call.durationSeconds == 40)
    }

    @Test func epochTimesAndSpacedNumbers() throws {
        let run = try MappingFixtures.run(Self.webhooks, ["aircall/call-webhooks.json"])
        let call = try #require(run.call("aircall:1001"))
        #expect(call.startedAt == MappingFixtures.instant(1_795_104_600))
        #expect(call.customer == .number("+15125550133"))
        #expect(call.businessLine == .number("+15125550100"))
        #expect(call.direction == .inbound)
        let callback = try #require(run.call("aircall:1004"))
        #expect(callback.direction == .outbound)
        #expect(callback.customer == .number("+15125550133"))
        #expect(try #require(run.call("aircall:1005")).customer == .number("+443308186690"))
        #expect(try #require(run.call("aircall:1006")).customer == .anonymous)
    }

    @Test func anUnreadableEventIsRejectedAndTheCallKeepsItsOtherEvents() throws {
        let run = try MappingFixtures.run(Self.webhooks, ["aircall/call-webhooks.json"])
        #expect(run.rejects.map(\.description) == ["aircall/call-webhooks.json:[17]: no start time"])
        #expect(try #require(run.call("aircall:1007")).outcome == .missed)
    }

    @Test func apiPagesReadTheSameWay() throws {
        let run = try MappingFixtures.run(Self.api, ["aircall/calls-page1.json"])
        #expect(run.rejects.isEmpty)
        #expect(run.calls.map(\.key) == ["aircall:1002", "aircall:1008", "aircall:1009", "aircall:1010", "aircall:1011"])
        #expect(run.calls.map(\.outcome) == [.answered, .voicemail, .missed, .missed, .answered])
        #expect(try #require(run.call("aircall:1008")).customer == .number("+15125550144"))
        #expect(try #require(run.call("aircall:1009")).customer == .number("+15125550111"))
    }

    @Test func webhooksAndAPIAgreeOnACallSeenBothWays() throws {
        let hooks = try MappingFixtures.run(Self.webhooks, ["aircall/call-webhooks.json"])
        let pages = try MappingFixtures.run(Self.api, ["aircall/calls-page1.json"])
        let fromHooks = try #require(hooks.call("aircall:1002"))
        let fromAPI = try #require(pages.call("aircall:1002"))
        #expect(fromHooks.startedAt == fromAPI.startedAt)
        #expect(fromHooks.customer == fromAPI.customer)
        #expect(fromHooks.outcome == fromAPI.outcome)
        #expect(fromHooks.durationSeconds == fromAPI.durationSeconds)
    }

    @Test func aRepeatedPageKeepsOneCallEach() throws {
        let run = try MappingFixtures.run(Self.api, ["aircall/calls-page1.json", "aircall/calls-page1.json"])
        #expect(run.legs.count == 10)
        #expect(run.calls.count == 5)
    }

    static let realFile = MappingFixtures.realSamplesFolder.appendingPathComponent("aircall/koenverduijn_call_webhooks.json")
    static let realSamplePresent = FileManager.default.fileExists(atPath: realFile.path)

    /// 18 real events of four calls; call 780836754 is missed (answered_at null) and its last event
    /// is call.voicemail_left.
    @Test(.enabled(if: realSamplePresent, "shared/samples-real/aircall is absent"))
    func realWebhookEvents() throws {
        let engine = try MappingFixtures.engine(Self.webhooks)
        let read = engine.read(bytes: [UInt8](try Data(contentsOf: Self.realFile)), file: "webhooks.json")
        #expect(read.rejects.isEmpty)
        #expect(read.records == 18)
        let calls = CallAssembler(engine: engine).calls(from: read.legs)
        let outcomes = Dictionary(uniqueKeysWithValues: calls.map { ($0.key, $0.outcome) })
        #expect(
            outcomes == [
                "aircall:780836699": .answered, "aircall:780836754": .voicemail,
                "aircall:780883160": .answered, "aircall:782972196": .missed,
            ])
        #expect(calls.first { $0.key == "aircall:780836754" }?.customer == .number("+443308186690"))
    }
}
