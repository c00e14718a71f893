import Foundation
import RingbackCore
import Testing

@testable import RingbackMapping

@Suite struct FreeSWITCHCSVMappingTests {
    static let mapping = "freeswitch-cdr-csv"
    static let file = "freeswitch/Master.csv"

    static func key(_ n: Int, bLeg: Bool = false) -> String { "freeswitch:7e1c2f0a-000\(n)-4c1e-9a51-3b0f6d2e8\(bLeg ? "b" : "a")0\(n)" }

    @Test func readsTheDefaultTemplate() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        #expect(run.records == 8)
        #expect(run.legs.count == 7)
        // The A-leg of call 2 and its B-leg row are one call, under the B-leg's uuid.
        #expect(run.calls.map(\.key) == [Self.key(1), Self.key(2, bLeg: true), Self.key(3), Self.key(4), Self.key(5, bLeg: true), Self.key(7)])
    }

    @Test func anExcelDamagedRowIsRejectedWithItsLine() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        #expect(
            run.rejects.map(\.description) == [
                "freeswitch/Master.csv:7: start time `2026/11/18 14:05` is not a local time of the form `yyyy-MM-dd HH:mm:ss`"
            ])
    }

    @Test func outcomes() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        #expect(
            run.calls.map(\.outcome) == [
                .missed,  // NORMAL_CLEARING with billsec 0
                .answered,  // bridged, and the B-leg answered
                .missed,  // billed, but never bridged: the switch answered it (voicemail, greeting)
                .missed,  // ORIGINATOR_CANCEL
                .answered,  // callback from extension 101, bridged and billed
                .missed,  // NO_USER_RESPONSE
            ])
        #expect(run.calls.map(\.direction) == [.inbound, .inbound, .inbound, .inbound, .outbound, .inbound])
    }

    @Test func zoneLessTimesAreReadInTheSourcesZone() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        let call = try #require(run.call(Self.key(1)))
        // 2026-11-18 09:12:03 in Chicago (UTC-6).
        #expect(call.startedAt == MappingFixtures.instant(1_795_014_723))
        #expect(call.customer == .number("+15125550133"))
        #expect(call.callerName == "MARIA LOPEZ")
        #expect(call.durationSeconds == 28)
        let utc = try MappingFixtures.run(Self.mapping, [Self.file], zone: .utc)
        #expect(try #require(utc.call(Self.key(1))).startedAt == MappingFixtures.instant(1_795_014_723 - 6 * 3600))
    }

    @Test func aNumberAsCallerNameIsNoNameAndAnonymousIsKept() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        #expect(try #require(run.call(Self.key(4))).callerName == nil)
        #expect(try #require(run.call(Self.key(7))).customer == .anonymous)
    }
}
