import Foundation
import RingbackCore
import RingbackNormalisation
import Testing

@testable import RingbackMapping

@Suite struct AsteriskCDRCSVMappingTests {
    static let mapping = "asterisk-cdr-csv"
    static let file = "asterisk/cdr-csv-21.csv"

    @Test func twentyOneColumnFileGroupsLegsByLinkedID() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        #expect(run.rejects.isEmpty, "\(run.rejects.map(\.description))")
        #expect(run.records == 11)
        #expect(run.legs.count == 11)
        #expect(run.calls.count == 8)
        #expect(Set(run.calls.map(\.key)).count == 8)
    }

    @Test func fanOutToTwoNoAnswerLegsAndVoiceMailIsOneVoicemailCall() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        let matching = run.calls.filter { $0.customer == .number("+15125550160") }
        #expect(matching.count == 1)
        let call = try #require(matching.first)
        #expect(call.key == "asterisk:1763596800.10")
        #expect(call.outcome == .voicemail)
        #expect(call.direction == .inbound)
        #expect(call.businessLine == .number("+15125550199"))
        #expect(call.callerName == "Dana Reyes")
        // 2026-11-19 18:00:00 in Chicago (CST, UTC-6).
        #expect(call.startedAt == MappingFixtures.instant(1_795_132_800))
    }

    @Test func ringGroupWithOneDialLegAnsweredIsAnswered() throws {
        // Both Dial rows carry the caller's uniqueid (only `sequence` differs), as Asterisk writes them.
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        #expect(run.legs.filter { $0.id == "1763600400.20" }.count == 2)
        let call = try #require(run.call("asterisk:1763600400.20"))
        #expect(call.outcome == .answered)
        #expect(call.customer == .number("+15125550161"))
        #expect(run.calls.filter { $0.customer == .number("+15125550161") }.count == 1)
    }

    @Test(arguments: ["asterisk:1763604000.30", "asterisk:1763607600.40"])
    func answeredByAnIVRWithoutDialIsMissed(key: String) throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        let call = try #require(run.call(key))
        #expect(call.outcome == .missed)
        #expect(call.direction == .inbound)
    }

    @Test func callerIDTextGivesNameAndNumber() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        let named = try #require(run.call("asterisk:1763604000.30"))
        #expect(named.callerName == "Fay Ortiz")
        #expect(named.customer == .number("+15125550162"))
        // `"" <5125550163>`: no name, not an empty one.
        let unnamed = try #require(run.call("asterisk:1763607600.40"))
        #expect(unnamed.callerName == nil)
        #expect(unnamed.customer == .number("+15125550163"))
    }

    @Test func extensionToExtensionIsInternal() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        let call = try #require(run.call("asterisk:1763650800.50"))
        #expect(call.direction == .outbound)
        #expect(call.customer == .internalExtension("102"))
        #expect(call.businessLine == .internalExtension("101"))
        #expect(call.outcome == .answered)
        #expect(call.callerName == "Front Desk")
    }

    @Test func extensionDiallingOutIsOutboundWithTheCustomerAsCalledParty() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        let call = try #require(run.call("asterisk:1763654400.60"))
        #expect(call.direction == .outbound)
        #expect(call.customer == .number("+15125550191"))
        #expect(call.businessLine == .internalExtension("102"))
        #expect(call.outcome == .answered)
        #expect(call.durationSeconds == 205)
    }

    @Test func zoneLessTimesAreReadInTheSourceZoneAcrossDST() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        // 2026-11-01 01:30 happens twice in Chicago: the earlier one (CDT, UTC-5) is taken.
        #expect(try #require(run.call("asterisk:1761978600.70")).startedAt == MappingFixtures.instant(1_793_514_600))
        // 2026-03-08 02:30 does not exist in Chicago: moved forward to 03:30 CDT.
        let gap = try #require(run.call("asterisk:1772958600.80"))
        #expect(gap.startedAt == MappingFixtures.instant(1_772_958_600))
        #expect(gap.outcome == .missed)
        // The same file read in UTC gives other instants: the zone is really used.
        let utc = try MappingFixtures.run(Self.mapping, [Self.file], zone: .utc)
        #expect(try #require(utc.call("asterisk:1761978600.70")).startedAt == MappingFixtures.instant(1_793_496_600))
    }

    @Test func sixteenColumnRingGroupLegsShareTheCallersChannelAndStartAndMakeOneCall() throws {
        let text = #"""
            "","5125550188","5125550199","from-trunk","""Ann Lee"" <5125550188>","SIP/trunk-00000200","SIP/101-00000201","Dial","SIP/101&SIP/102,20","2026-11-18 09:00:00","","2026-11-18 09:00:20",20,0,"NO ANSWER","DOCUMENTATION"
            "","5125550188","5125550199","from-trunk","""Ann Lee"" <5125550188>","SIP/trunk-00000200","SIP/102-00000202","Dial","SIP/101&SIP/102,20","2026-11-18 09:00:00","2026-11-18 09:00:05","2026-11-18 09:03:00",180,175,"ANSWERED","DOCUMENTATION"
            "","5125550188","5125550199","from-trunk","""Ann Lee"" <5125550188>","SIP/trunk-00000300","SIP/101-00000301","Dial","SIP/101,20","2026-11-18 11:00:00","","2026-11-18 11:00:20",20,0,"NO ANSWER","DOCUMENTATION"
            """#
        let run = try MappingFixtures.run(Self.mapping, text: text)
        #expect(run.calls.count == 2)
        #expect(run.calls.map(\.outcome) == [.answered, .missed])
        #expect(run.calls[0].key == "asterisk:SIP/trunk-00000200|1795014000")
    }

    @Test func sixteenColumnFileGivesOneCallPerRowWithStableSyntheticKeys() throws {
        let run = try MappingFixtures.run(Self.mapping, ["asterisk/cdr-csv-16.csv"])
        #expect(run.rejects.isEmpty, "\(run.rejects.map(\.description))")
        #expect(run.legs.count == 3)
        #expect(run.calls.count == 3)
        #expect(run.calls.map(\.outcome) == [.missed, .answered, .voicemail])
        #expect(run.calls.allSatisfy { $0.key.hasPrefix("asterisk:SIP/trunk-") })
        #expect(run.calls.map(\.customer) == [.number("+15125550185"), .number("+15125550186"), .number("+15125550187")])
        #expect(run.calls.map(\.callerName) == ["Nia Ford", "Omar Haddad", "Pia Lund"])

        // The overlap file repeats the voicemail row: same key from either file, and one call when read together.
        let other = try MappingFixtures.run(Self.mapping, ["asterisk/cdr-csv-16-overlap.csv"])
        #expect(other.calls.count == 2)
        #expect(other.calls[0].key == run.calls[2].key)
        #expect(other.calls[1].key != run.calls[2].key)
        let again = try MappingFixtures.run(Self.mapping, ["asterisk/cdr-csv-16.csv"])
        #expect(again.calls.map(\.key) == run.calls.map(\.key))
        let both = try MappingFixtures.run(Self.mapping, ["asterisk/cdr-csv-16.csv", "asterisk/cdr-csv-16-overlap.csv"])
        #expect(both.legs.count == 5)
        #expect(both.calls.count == 4)
    }

    @Test func byteOrderMarkCRLFAndLatin1NamesDoNotStopTheFile() throws {
        let run = try MappingFixtures.run(Self.mapping, ["asterisk/cdr-csv-excel.csv"])
        #expect(run.rejects.isEmpty, "\(run.rejects.map(\.description))")
        #expect(run.legs.count == 2)
        #expect(run.calls.count == 2)
        let first = try #require(run.call("asterisk:1763677200.501"))
        #expect(first.customer == .number("+15125550122"))
        #expect(first.callerName == "José Ramírez")
        #expect(first.outcome == .missed)
        #expect(first.startedAt == MappingFixtures.instant(1_795_213_200))  // 16:20 CST
        let second = try #require(run.call("asterisk:1763677800.601"))
        #expect(second.outcome == .answered)
        #expect(second.callerName == "Ana Silva")
        #expect(run.legs.map(\.location) == ["1", "2"])
    }

    @Test func damagedRowsAreRejectedWithLineNumbersAndGoodRowsStillRead() throws {
        let file = "asterisk/cdr-csv-damaged.csv"
        let run = try MappingFixtures.run(Self.mapping, [file])
        #expect(run.legs.map(\.location) == ["1", "4", "6"])
        #expect(run.calls.map(\.customer) == [.number("+15125550180"), .number("+15125550182"), .number("+15125550184")])
        #expect(run.calls.map(\.outcome) == [.missed, .answered, .missed])

        let byLine = Dictionary(grouping: run.rejects, by: \.location)
        #expect(run.rejects.count == 3, "\(run.rejects.map(\.description))")
        #expect(run.rejects.allSatisfy { $0.file == file })
        // Line 2: a ragged 5-column row.
        let ragged = try #require(byLine["2"]?.first)
        #expect(ragged.reason.contains("at least 16 columns, found 5"))
        #expect(ragged.raw.contains("from-trunk"))
        // Line 3: a date in another format.
        let date = try #require(byLine["3"]?.first)
        #expect(date.reason.contains("20/11/2026 11:10"))
        #expect(date.reason.contains("yyyy-MM-dd HH:mm:ss"))
        // Line 5: a row cut off inside a quoted field; line 6 is not swallowed by it.
        let quote = try #require(byLine["5"]?.first)
        #expect(quote.reason.contains("quote"))
    }

    @Test func unbalancedQuoteInTheMiddleOfAFileOnlyCostsItsLine() throws {
        // Every row of a cdr_csv file is quoted, so an open quote would otherwise pair with the next row's quotes.
        let good =
            #""","5125550170","5125550199","from-trunk","""Ann"" <5125550170>","SIP/trunk-1","SIP/101-2","Dial","SIP/101,20","2026-11-20 08:00:00","","2026-11-20 08:00:20",20,0,"NO ANSWER","DOCUMENTATION","1.1","","","1.1",1"#
        // A write cut off inside the caller-ID field (disk full, crash), then the next record on a new line.
        let stray = #""","5125550171","5125550199","from-trunk","""Bo"" <51255"#
        let after = good.replacingOccurrences(of: "1.1", with: "3.1").replacingOccurrences(of: "5125550170", with: "5125550172")
        let run = try MappingFixtures.run(Self.mapping, text: [good, stray, after, good].joined(separator: "\n") + "\n", file: "Master.csv")
        #expect(run.legs.map(\.location) == ["1", "3", "4"])
        #expect(run.calls.count == 2)
        #expect(run.rejects.map(\.location) == ["2"])
    }
}

@Suite struct AsteriskCDRCustomMappingTests {
    static let mapping = "asterisk-cdr-custom"
    static let file = "asterisk/cdr-custom.csv"

    @Test func defaultColumnOrderIsRead() throws {
        let run = try MappingFixtures.run(Self.mapping, [Self.file])
        #expect(run.rejects.isEmpty, "\(run.rejects.map(\.description))")
        #expect(run.legs.count == 4)
        #expect(run.calls.count == 3)
        let missed = try #require(run.call("asterisk:1763409600.200"))
        #expect(missed.outcome == .missed)
        #expect(missed.customer == .number("+15125550190"))
        #expect(missed.businessLine == .number("+15125550199"))
        #expect(missed.callerName == "Rita Gomez")
        #expect(missed.startedAt == MappingFixtures.instant(1_794_945_600))  // 2026-11-17 14:00 CST
        #expect(missed.durationSeconds == 20)
        let answered = try #require(run.call("asterisk:1763410200.210"))
        #expect(answered.outcome == .answered)
        #expect(answered.durationSeconds == 302)
        let voicemail = try #require(run.call("asterisk:1763410800.220"))
        #expect(voicemail.outcome == .voicemail)
        #expect(voicemail.callerName == "Tia Moss")
    }

    @Test func cdrCSVFileReadAsCustomIsRejectedNotMisread() throws {
        // 21 columns read in the cdr_custom order put `from-trunk` where the start time should be.
        let run = try MappingFixtures.run(Self.mapping, ["asterisk/cdr-csv-21.csv"])
        #expect(run.legs.isEmpty)
        #expect(run.rejects.count == 11)
    }
}
