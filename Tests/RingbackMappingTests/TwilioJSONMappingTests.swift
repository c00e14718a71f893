import Foundation
import RingbackCore
import Testing

@testable import RingbackMapping

@Suite struct TwilioJSONMappingTests {
    static let mapping = "twilio-calls-json"
    static let pages = ["twilio/calls-page1.json", "twilio/calls-page2.json"]

    static func key(_ code: String) -> String { "twilio:CA" + String(repeating: "0", count: 28) + code }

    @Test func readsEveryLegOfBothPages() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        #expect(run.rejects.isEmpty, "\(run.rejects.map(\.description))")
        #expect(run.records == 20)
        #expect(run.legs.count == 20)
        // 12 parents; the 8 child legs join their parents.
        #expect(run.calls.count == 12)
        #expect(Set(run.calls.map(\.key)).count == run.calls.count)
    }

    @Test(arguments: [
        ("a101", CallOutcome.missed),  // child no-answer
        ("a201", CallOutcome.missed),  // child busy
        ("a301", CallOutcome.missed),  // child failed
        ("a401", CallOutcome.missed),  // child canceled
        ("a501", CallOutcome.answered),  // first child no-answer, second child completed
        ("a601", CallOutcome.answered),  // no children, completed
        ("a701", CallOutcome.missed),  // no children, no-answer
        ("a901", CallOutcome.missed),  // withheld caller, child no-answer
    ])
    func inboundOutcomeComesFromTheChildLegs(code: String, expected: CallOutcome) throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        let call = try #require(run.call(Self.key(code)))
        #expect(call.direction == .inbound)
        #expect(call.outcome == expected)
    }

    @Test func parentCompletedWithUnansweredChildIsAMissedCallFromTheCustomer() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        let call = try #require(run.call(Self.key("a101")))
        #expect(call.outcome == .missed)
        #expect(call.customer == .number("+15125550133"))
        #expect(call.businessLine == .number("+15125550100"))
        #expect(call.callerName == "MARIA LOPEZ")
        #expect(call.source == "test")
        // RFC 2822 "Fri, 20 Nov 2026 16:00:00 +0000" is exactly this instant; the parent leg's time and duration.
        #expect(call.startedAt == MappingFixtures.instant(1_795_190_400))
        #expect(call.durationSeconds == 31)
    }

    @Test func stringDurationsAreSeconds() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        #expect(try #require(run.call(Self.key("b101"))).durationSeconds == 125)
        #expect(try #require(run.call(Self.key("a501"))).durationSeconds == 95)
        #expect(try #require(run.call(Self.key("a701"))).durationSeconds == 0)
    }

    @Test func outboundCallbackNoAnswerIsAnOutboundMissedCallToTheCustomer() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        let call = try #require(run.call(Self.key("a801")))
        #expect(call.direction == .outbound)
        #expect(call.outcome == .missed)
        #expect(call.customer == .number("+15125550144"))
        #expect(call.businessLine == .number("+15125550100"))
        #expect(call.startedAt == MappingFixtures.instant(1_795_167_000))
    }

    @Test func keypadAnonymousPlaceholderIsAnAnonymousCaller() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        let call = try #require(run.call(Self.key("a901")))
        #expect(call.customer == .anonymous)
        #expect(call.callerName == nil)
    }

    @Test func twilioClientIdentityIsInternalNotACallerName() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        let call = try #require(run.call(Self.key("aa01")))
        #expect(call.customer == .internalExtension("client:alice"))
        #expect(call.callerName == nil)
    }

    @Test(arguments: [
        ["twilio/calls-page1.json", "twilio/calls-page2.json"],
        ["twilio/calls-page2.json", "twilio/calls-page1.json"],
    ])
    func legsSplitAcrossPagesStillGroup(files: [String]) throws {
        let run = try MappingFixtures.run(Self.mapping, files)
        // Child b002 (completed) is on page 1, its parent b001 on page 2.
        let call = try #require(run.call(Self.key("b001")))
        #expect(call.outcome == .answered)
        #expect(call.direction == .inbound)
        #expect(call.customer == .number("+15125550140"))
        #expect(run.calls.filter { $0.key == Self.key("b001") }.count == 1)
        #expect(run.calls.count == 12)
    }

    @Test func overlappingExportYieldsEachCallOnce() throws {
        let once = try MappingFixtures.run(Self.mapping, ["twilio/calls-page1.json"])
        let twice = try MappingFixtures.run(Self.mapping, ["twilio/calls-page1.json", "twilio/calls-page1.json"])
        #expect(twice.legs.count == 2 * once.legs.count)
        #expect(twice.calls.count == once.calls.count)
        #expect(twice.calls.map(\.key) == once.calls.map(\.key))
        #expect(twice.calls.map(\.outcome) == once.calls.map(\.outcome))
        #expect(Set(twice.calls.map(\.key)).count == twice.calls.count)
        // Everything on page 1 plus page 1 again plus page 2 is still the 12 calls.
        let all = try MappingFixtures.run(Self.mapping, ["twilio/calls-page1.json", "twilio/calls-page2.json", "twilio/calls-page1.json"])
        #expect(all.calls.count == 12)
        #expect(try #require(all.call(Self.key("a501"))).outcome == .answered)
    }

    @Test func childWhoseParentIsNotInTheExportIsKeptUnderTheParentsKey() throws {
        // Page 1 alone has child b002 without its parent: it must not vanish.
        let run = try MappingFixtures.run(Self.mapping, ["twilio/calls-page1.json"])
        #expect(run.calls.count == 11)
        let orphan = try #require(run.call(Self.key("b001")))
        #expect(orphan.outcome == .answered)
    }

    @Test func badRecordsAreRejectedWithTheirPositionAndTheRestRead() throws {
        let text = """
            {"calls": [
              {"sid": "CA1", "parent_call_sid": null, "direction": "inbound", "status": "completed", "from": "+15125550133",
               "to": "+15125550100", "start_time": "Fri, 20 Nov 2026 16:00:00 +0000", "duration": "4"},
              {"sid": "CA2", "parent_call_sid": null, "direction": "inbound", "status": "completed", "from": "+15125550133",
               "to": "+15125550100", "start_time": "2026-11-20T16:00:00Z", "duration": "4"},
              {"sid": "CA3", "parent_call_sid": null, "direction": "trunking-originating", "status": "completed", "from": "+15125550133",
               "to": "+15125550100", "start_time": "Fri, 20 Nov 2026 16:00:00 +0000", "duration": "4"},
              "CA4",
              {"sid": "CA5", "parent_call_sid": null, "direction": "inbound", "status": "no-answer", "from": "+15125550134",
               "to": "+15125550100", "start_time": "Fri, 20 Nov 2026 17:00:00 +0000", "duration": 0}
            ]}
            """
        let run = try MappingFixtures.run(Self.mapping, text: text, file: "calls.json")
        #expect(run.records == 5)
        #expect(run.legs.map(\.id) == ["CA1", "CA5"])
        #expect(run.rejects.map(\.location) == ["calls[1]", "calls[2]", "calls[3]"])
        #expect(run.rejects.allSatisfy { $0.file == "calls.json" })
        #expect(run.rejects[0].reason.contains("2026-11-20T16:00:00Z"))
        #expect(run.rejects[0].reason.contains("RFC 2822"))
        #expect(run.rejects[1].reason.contains("trunking-originating"))
        #expect(run.rejects[2].reason.contains("object"))
        #expect(run.call("twilio:CA5")?.outcome == .missed)
    }

    @Test func legForwardedFromAForwardedLegJoinsTheSameCall() throws {
        func leg(_ sid: String, parent: String?, direction: String, status: String, second: Int) -> String {
            let parentText = parent.map { "\"\($0)\"" } ?? "null"
            return """
                {"sid": "\(sid)", "parent_call_sid": \(parentText), "direction": "\(direction)", "status": "\(status)",
                 "from": "+15125550133", "to": "+15125550100", "start_time": "Fri, 20 Nov 2026 16:00:0\(second) +0000", "duration": "9"}
                """
        }
        // Grandchild first, as Twilio lists newest first; the parent comes last.
        let text =
            "{\"calls\": ["
            + [
                leg("CA3", parent: "CA2", direction: "outbound-dial", status: "completed", second: 5),
                leg("CA2", parent: "CA1", direction: "outbound-dial", status: "no-answer", second: 1),
                leg("CA1", parent: nil, direction: "inbound", status: "completed", second: 0),
            ].joined(separator: ",") + "]}"
        let run = try MappingFixtures.run(Self.mapping, text: text)
        #expect(run.rejects.isEmpty)
        #expect(run.calls.map(\.key) == ["twilio:CA1"])
        #expect(run.calls.first?.outcome == .answered)
        #expect(run.calls.first?.direction == .inbound)
    }

    @Test func valuesAreTrimmedOfSurroundingLineBreaks() throws {
        let text = """
            {"calls": [{"sid": "CA1", "parent_call_sid": null, "direction": "inbound\\n", "status": "no-answer\\r\\n",
              "from": "\\n+15125550133", "to": "+15125550100", "start_time": "Fri, 20 Nov 2026 16:00:00 +0000\\n", "duration": "4\\n"}]}
            """
        let run = try MappingFixtures.run(Self.mapping, text: text)
        #expect(run.rejects.isEmpty, "\(run.rejects.map(\.description))")
        let call = try #require(run.calls.first)
        #expect(call.direction == .inbound)
        #expect(call.outcome == .missed)
        #expect(call.durationSeconds == 4)
        #expect(call.customer == .number("+15125550133"))
    }

    // MARK: Real samples (twilio-python's fixtures), read from ../shared when present

    static let realFolder = MappingFixtures.realSamplesFolder.appendingPathComponent("twilio")
    static let realSamplesPresent = FileManager.default.fileExists(atPath: realFolder.appendingPathComponent("calls_list_read_full_page1.json").path)

    @Test(.enabled(if: TwilioJSONMappingTests.realSamplesPresent, "shared/samples-real/twilio is absent"))
    func realSamplesGiveTwoCalls() throws {
        let engine = try MappingFixtures.engine(Self.mapping)
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.realFolder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names.count == 5)
        var legs: [CallLeg] = []
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: Self.realFolder.appendingPathComponent(name)))
            let result = engine.read(bytes: bytes, file: name)
            #expect(result.rejects.isEmpty, "\(name): \(result.rejects.map(\.description))")
            // page1 and page2 hold the same two records; the three "empty" pages hold none.
            #expect(result.legs.count == (name.contains("full_page") ? 2 : 0), "\(name)")
            legs += result.legs
        }
        #expect(legs.count == 4)
        let calls = CallAssembler(engine: engine).calls(from: legs)
        // Both records carry a parent_call_sid whose parent is not in the samples; the repeated
        // page collapses, leaving two calls, both completed.
        #expect(calls.count == 2)
        let outbound = try #require(calls.first { $0.key == "twilio:CAdeadbeefdeadbeefdeadbeefdeadbeef" })
        #expect(outbound.direction == .outbound)
        // The fixture's numbers have exchanges 141 and 191, which no real North American number has:
        // they stay as written, marked unusable, rather than becoming numbers to ring back.
        #expect(outbound.customer.display == "+13051913581")
        #expect(outbound.customer.e164 == nil)
        #expect(outbound.businessLine.display == "+13051416799")
        #expect(outbound.startedAt == MappingFixtures.instant(1_571_418_120))  // Fri, 18 Oct 2019 17:02:00 +0000
        #expect(outbound.durationSeconds == 4)
        #expect(outbound.outcome == .answered)
        let inbound = try #require(calls.first { $0.key == "twilio:CAdeadbeefdeadbeefdeadbeefdeadbeee" })
        #expect(inbound.direction == .inbound)
        #expect(inbound.customer.display == "+13051416798")
        #expect(inbound.businessLine.display == "+13051913580")
        #expect(inbound.startedAt == MappingFixtures.instant(1_571_414_520))  // Fri, 18 Oct 2019 16:02:00 +0000
        #expect(inbound.durationSeconds == 3)
        #expect(inbound.outcome == .answered)
    }
}
