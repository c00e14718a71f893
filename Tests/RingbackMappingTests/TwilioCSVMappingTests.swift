import Foundation
import RingbackCore
import Testing

@testable import RingbackMapping

@Suite struct TwilioCSVMappingTests {
    static let mapping = "twilio-calls-csv"
    static let file = "twilio/calls.csv"

    static func key(_ code: String) -> String { "twilio:CA" + String(repeating: "0", count: 28) + code }

    @Test func readsRowsByHeaderNameInAnyColumnOrder() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        #expect(run.rejects.isEmpty, "\(run.rejects.map(\.description))")
        #expect(run.records == 9)
        #expect(run.legs.count == 9)
        #expect(run.calls.count == 6)
        // Header is line 1; the first data row is line 2.
        #expect(run.legs.first?.location == "2")
        #expect(run.legs.first?.file == Self.file)
    }

    @Test(arguments: [
        ("c101", CallDirection.inbound, CallOutcome.missed),  // parent completed, child no-answer
        ("c201", CallDirection.inbound, CallOutcome.answered),  // child completed
        ("c301", CallDirection.inbound, CallOutcome.missed),  // no child, no-answer
        ("c401", CallDirection.inbound, CallOutcome.answered),  // no child, completed
        ("c501", CallDirection.outbound, CallOutcome.missed),  // outbound-api callback, busy
        ("c601", CallDirection.inbound, CallOutcome.missed),  // child canceled
    ])
    func sameRulesAsTheJSONPages(code: String, direction: CallDirection, outcome: CallOutcome) throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        let call = try #require(run.call(Self.key(code)))
        #expect(call.direction == direction)
        #expect(call.outcome == outcome)
    }

    @Test func partiesTimesAndDurations() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        let missed = try #require(run.call(Self.key("c101")))
        #expect(missed.customer == .number("+15125550150"))
        #expect(missed.businessLine == .number("+15125550100"))
        #expect(missed.startedAt == MappingFixtures.instant(1_795_017_600))  // Wed, 18 Nov 2026 16:00:00 +0000
        #expect(missed.durationSeconds == 25)
        let callback = try #require(run.call(Self.key("c501")))
        #expect(callback.customer == .number("+15125550154"))
        #expect(callback.businessLine == .number("+15125550100"))
        #expect(try #require(run.call(Self.key("c601"))).customer == .anonymous)
    }

    @Test func overlappingFilesYieldEachCallOnce() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file, Self.file])
        #expect(run.legs.count == 18)
        #expect(run.calls.count == 6)
        #expect(try #require(run.call(Self.key("c101"))).outcome == .missed)
    }

    @Test func headerWithoutTheStartColumnIsOneRejectForTheFile() throws {
        let text = "sid,from,to,direction,status\nCA1,+15125550133,+15125550100,inbound,completed\n"
        let run = try MappingFixtures.run(Self.mapping, text: text, file: "export.csv")
        #expect(run.legs.isEmpty)
        #expect(run.rejects.count == 1)
        #expect(run.rejects.first?.file == "export.csv")
        #expect(run.rejects.first?.location == "1")
        #expect(run.rejects.first?.reason.contains("start_time") == true)
    }

    @Test func headerWithoutTheDirectionColumnIsOneRejectNotOnePerRow() throws {
        let text =
            "sid,start_time,from,to,status\nCA1,\"Fri, 20 Nov 2026 16:00:00 +0000\",+15125550133,+15125550100,completed\nCA2,\"Fri, 20 Nov 2026 16:05:00 +0000\",+15125550134,+15125550100,completed\n"
        let run = try MappingFixtures.run(Self.mapping, text: text, file: "export.csv")
        #expect(run.legs.isEmpty)
        #expect(run.rejects.count == 1)
        #expect(run.rejects.first?.location == "1")
        #expect(run.rejects.first?.reason.contains("`direction`") == true)
    }
}
