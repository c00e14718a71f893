import Foundation
import RingbackCore
import Testing

@testable import RingbackMapping

@Suite struct CallRailMappingTests {
    static func key(_ n: Int) -> String { "callrail:CAL0000000000000000000000000f1x000\(n)" }

    /// The same four calls exported three ways.
    static let exports: [(mapping: String, file: String)] = [
        ("callrail-calls-json", "callrail/calls.json"),
        ("callrail-calls-csv", "callrail/calls.csv"),
        ("callrail-calls-csv", "callrail/calls-yes-no.csv"),
    ]

    @Test(arguments: 0..<3)
    func answeredAndVoicemailFlagsDecideTheOutcome(export: Int) throws {
        let (mapping, file) = Self.exports[export]
        let run = try MappingFixtures.run(mapping, [file])
        #expect(run.rejects.isEmpty, "\(run.rejects.map(\.description))")
        #expect(run.records == 4)
        #expect(run.calls.map(\.key) == (1...4).map(Self.key))
        #expect(run.calls.map(\.outcome) == [.voicemail, .missed, .answered, .missed])
        #expect(run.calls.map(\.direction) == [.inbound, .inbound, .inbound, .outbound])
    }

    @Test(arguments: 0..<3)
    func voicemailCarriesTranscriptSourceRecordingAndExactTime(export: Int) throws {
        let (mapping, file) = Self.exports[export]
        let run = try MappingFixtures.run(mapping, [file])
        let call = try #require(run.call(Self.key(1)))
        #expect(call.customer == .number("+15125550175"))
        #expect(call.businessLine == .number("+15125550101"))
        #expect(call.callerName == "Priya Shah")
        #expect(call.trackingSource == "Google Business Profile")
        #expect(call.recordingURL == "https://app.callrail.com/calls/CAL0000000000000000000000000f1x0001/recording")
        #expect(call.transcript?.hasPrefix("Hi, this is Priya.") == true)
        #expect(call.transcript?.hasSuffix("call back.") == true)
        #expect(call.durationSeconds == 41)
        // 2026-11-20T10:45:12.815-06:00 is 16:45:12.815 UTC.
        #expect(abs(call.startedAt.timeIntervalSince1970 - 1_795_193_112.815) < 0.000_5)
        #expect(call.source == "test")
    }

    @Test(arguments: 0..<3)
    func customerNumberIsTheCustomerWhateverTheDirection(export: Int) throws {
        let (mapping, file) = Self.exports[export]
        let run = try MappingFixtures.run(mapping, [file])
        let inbound = try #require(run.call(Self.key(2)))
        let callback = try #require(run.call(Self.key(4)))
        #expect(inbound.customer == .number("+15125550144"))
        #expect(callback.customer == .number("+15125550144"))
        #expect(callback.businessLine == .number("+15125550101"))
        #expect(callback.direction == .outbound)
        // Null transcription and recording are absent, not empty text.
        #expect(inbound.transcript == nil)
        #expect(inbound.recordingURL == nil)
        #expect(inbound.trackingSource == "Google Ads")
    }

    @Test func csvKeepsAQuotedTranscriptThatSpansLines() throws {
        let run = try MappingFixtures.run("callrail-calls-csv", ["callrail/calls.csv"])
        let call = try #require(run.call(Self.key(1)))
        #expect(call.transcript?.contains("ceiling. \nPlease call back.") == true)
        // The second record starts on line 4: the header is line 1, the first record spans lines 2-3.
        #expect(run.legs.map(\.location) == ["2", "4", "5", "6"])
    }

    @Test func jsonAndCSVExportsOfTheSameCallsAgree() throws {
        let json = try MappingFixtures.run("callrail-calls-json", ["callrail/calls.json"])
        let csv = try MappingFixtures.run("callrail-calls-csv", ["callrail/calls-yes-no.csv"])
        #expect(json.calls.map(\.key) == csv.calls.map(\.key))
        #expect(json.calls.map(\.startedAt) == csv.calls.map(\.startedAt))
        #expect(json.calls.map(\.customer) == csv.calls.map(\.customer))
        #expect(json.calls.map(\.outcome) == csv.calls.map(\.outcome))
    }

    @Test func overlappingExportsYieldEachCallOnce() throws {
        let run = try MappingFixtures.run("callrail-calls-json", ["callrail/calls.json", "callrail/calls.json"])
        #expect(run.legs.count == 8)
        #expect(run.calls.count == 4)
    }
}
