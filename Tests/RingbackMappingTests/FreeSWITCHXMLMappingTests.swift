import Foundation
import RingbackCore
import Testing

@testable import RingbackMapping

@Suite struct FreeSWITCHXMLMappingTests {
    static let mapping = "freeswitch-xml-cdr"
    static let files = [
        "a1-aleg", "a1-bleg-101", "a2-aleg", "a2-bleg-102", "a3-aleg", "a3-bleg-101", "a4-aleg", "a4-bleg-101",
        "a5-old-layout", "a6-aleg", "a7-callback-aleg", "a7-callback-bleg", "a8-orphan-bleg",
    ].map { "freeswitch/\($0).cdr.xml" }

    static func key(_ n: Int) -> String { "freeswitch:0d5c1a6e-\(String(repeating: String(n), count: 4))-4a0b-8f3e-5a9e2c7d000\(n)" }

    @Test func oneFilePerLegGroupsIntoCalls() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.files)
        #expect(run.rejects.isEmpty, "\(run.rejects.map(\.description))")
        #expect(run.records == 13)
        #expect(run.legs.count == 13)
        #expect(run.calls.map(\.key) == (1...8).map(Self.key))
    }

    @Test(arguments: [
        (1, CallOutcome.missed),  // NORMAL_CLEARING, but answer_epoch 0 and billsec 0; the B-leg ORIGINATOR_CANCEL
        (2, CallOutcome.answered),  // the B-leg to 102 answered
        (3, CallOutcome.voicemail),  // the B-leg NO_ANSWER, the caller's leg ended in voicemail
        (4, CallOutcome.missed),  // the switch answered the caller (billsec 24), the B-leg never did
        (5, CallOutcome.answered),  // old layout, one leg, answered
        (6, CallOutcome.missed),  // one leg, answer_epoch set but billsec 0
        (7, CallOutcome.answered),  // callback from extension 101, answered
        (8, CallOutcome.missed),  // a B-leg alone (its A-leg file is missing): USER_BUSY
    ])
    func outcomeIgnoresTheHangupCause(number: Int, expected: CallOutcome) throws {
        let run = try MappingFixtures.run(Self.mapping, Self.files)
        #expect(try #require(run.call(Self.key(number))).outcome == expected)
    }

    @Test func urlEncodedCallerIDIsDecoded() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.files)
        let old = try #require(run.call(Self.key(5)))
        #expect(old.callerName == "José Ramírez")
        #expect(old.customer == .number("+15125550122"))
        // %2B15125550188 keeps its plus; an empty quoted name is no name.
        let quick = try #require(run.call(Self.key(6)))
        #expect(quick.customer == .number("+15125550188"))
        #expect(quick.callerName == nil)
    }

    @Test func theCallersLegGivesTheCallsTimeNumbersAndDirection() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.files)
        let call = try #require(run.call(Self.key(1)))
        #expect(call.direction == .inbound)
        #expect(call.customer == .number("+15125550133"))
        #expect(call.businessLine == .number("+15125550100"))
        #expect(call.callerName == "MARIA LOPEZ")
        // start_epoch 1795104000: 2026-11-19 10:00:00 in Chicago, whatever the source's zone.
        #expect(call.startedAt == MappingFixtures.instant(1_795_104_000))
        #expect(call.durationSeconds == 27)
        let callback = try #require(run.call(Self.key(7)))
        #expect(callback.direction == .outbound)
        #expect(callback.customer == .number("+15125550133"))
        #expect(callback.businessLine == .internalExtension("101"))
    }

    @Test func aBLegReadBeforeItsALegIsTheSameCallOnceTheALegArrives() throws {
        let bFirst = try MappingFixtures.run(Self.mapping, ["freeswitch/a2-bleg-102.cdr.xml"])
        #expect(bFirst.calls.map(\.key) == [Self.key(2)])
        let both = try MappingFixtures.run(Self.mapping, ["freeswitch/a2-bleg-102.cdr.xml", "freeswitch/a2-aleg.cdr.xml"])
        #expect(both.calls.map(\.key) == [Self.key(2)])
        #expect(both.calls.first?.outcome == .answered)
        #expect(both.calls.first?.startedAt == MappingFixtures.instant(1_795_107_600))
    }

    @Test func aFileCutOffMidWriteIsRejectedWholeNotReadAsUnanswered() throws {
        let run = try MappingFixtures.run(Self.mapping, ["freeswitch/truncated.cdr.xml"])
        #expect(run.legs.isEmpty)
        #expect(run.rejects.count == 1)
        let reject = try #require(run.rejects.first)
        #expect(reject.file == "freeswitch/truncated.cdr.xml")
        #expect(reject.reason.hasPrefix("not well-formed XML near line"))
        #expect(reject.reason.contains("is this a freeswitch-xml-cdr export?"))
    }

    @Test(arguments: ["garbage/image.png", "garbage/empty.csv", "callrail/calls.json", "google-voice/fragment-voicemail.html"])
    func filesThatAreNotCDRsAreOneReject(file: String) throws {
        let run = try MappingFixtures.run(Self.mapping, [file])
        #expect(run.legs.isEmpty)
        #expect(run.rejects.count == 1)
        #expect(run.rejects.first?.location == "1")
    }

    @Test func recordLocationIsAnXPathToTheRecord() throws {
        let text = try String(contentsOf: MappingFixtures.fixturesFolder.appendingPathComponent("freeswitch/a6-aleg.cdr.xml"), encoding: .utf8)
        let broken = text.replacingOccurrences(of: "<start_epoch>1795122000</start_epoch>", with: "<start_epoch>soon</start_epoch>")
        let run = try MappingFixtures.run(Self.mapping, text: broken, file: "a6.xml")
        #expect(run.rejects.map(\.description) == ["a6.xml:(/cdr)[1]: start time `soon` is not a UNIX time in seconds"])
    }

    static let realFolder = MappingFixtures.realSamplesFolder.appendingPathComponent("freeswitch")
    static let realSamplesPresent = FileManager.default.fileExists(
        atPath: realFolder.appendingPathComponent("tinycdr_originator_cancel.cdr.xml").path)

    /// The real CDRs: hangup_cause says NORMAL_CLEARING on an unanswered call, and one B-leg's
    /// call_uuid is its own uuid, so legs are grouped by originator instead.
    @Test(
        .enabled(if: realSamplesPresent, "shared/samples-real/freeswitch is absent"),
        arguments: [
            ("tinycdr_originator_cancel.cdr.xml", "91353230-461f-11de-aa7f-b10b4edc0c92", CallOutcome.missed),  // answer_epoch 0, ORIGINATOR_CANCEL
            ("ccm_free-call-cdr.xml", "44999f0d-e76b-4bd3-bfdf-3239d487e45b", CallOutcome.missed),  // NORMAL_CLEARING, billsec 0
            ("ccm_local-call-msisdn-cdr.xml", "9c5e6779-3dd1-46c0-abe5-05f089fcd353", CallOutcome.missed),  // CALL_REJECTED, billsec 0
            ("ccm_incoming-call-cdr.xml", "7c1088a5-ce12-4417-9b57-9d649ae984ec", CallOutcome.answered),  // billsec 24
        ])
    func realCDRs(file: String, callUUID: String, expected: CallOutcome) throws {
        let engine = try MappingFixtures.engine(Self.mapping)
        let read = engine.read(bytes: [UInt8](try Data(contentsOf: Self.realFolder.appendingPathComponent(file))), file: file)
        #expect(read.rejects.isEmpty, "\(read.rejects.map(\.description))")
        let calls = CallAssembler(engine: engine).calls(from: read.legs)
        #expect(calls.map(\.key) == ["freeswitch:" + callUUID])
        #expect(calls.first?.outcome == expected)
    }
}
