import RingbackCodecs
import Testing

@Suite struct ICalendarEventBlocksTests {
    func blocks(_ text: String) -> [(String, String?)] {
        let bytes = Array(text.utf8)
        return ICalendarEventBlocks.scan(bytes).map { (String(decoding: bytes[$0.range], as: UTF8.self), $0.uid) }
    }

    @Test func eachEventIsItsLinesWithItsUID() {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a@ringback\r\nSUMMARY:One\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nSUMMARY:Two\r\nBEGIN:VALARM\r\nEND:VALARM\r\nUID:b@ringback\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let found = blocks(text)
        #expect(found.map(\.1) == ["a@ringback", "b@ringback"])
        #expect(found[0].0 == "BEGIN:VEVENT\r\nUID:a@ringback\r\nSUMMARY:One\r\nEND:VEVENT\r\n")
        #expect(found[1].0.hasPrefix("BEGIN:VEVENT\r\nSUMMARY:Two") && found[1].0.hasSuffix("UID:b@ringback\r\nEND:VEVENT\r\n"))
    }

    @Test func bareLineFeedsLowerCaseNamesAndAFileWithoutAFinalBreakAreRead() {
        let found = blocks("begin:vevent\nuid:x-1\nEND:VEVENT")
        #expect(found.count == 1)
        #expect(found.first?.0 == "begin:vevent\nuid:x-1\nEND:VEVENT")
        #expect(found.first?.1 == "x-1")
    }

    @Test func aFoldedOrParameterisedUIDIsNotTakenSoTheBlockIsParsed() {
        let folded = blocks("BEGIN:VEVENT\r\nUID:long-uid-part\r\n -two\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID;X-P=1:c\r\nEND:VEVENT\r\n")
        #expect(folded.count == 2)
        #expect(folded.allSatisfy { $0.1 == nil })
    }

    @Test func anUnfinishedEventIsNoBlock() {
        #expect(blocks("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:cut off").isEmpty)
        #expect(blocks("UID:outside\r\nEND:VEVENT\r\n").isEmpty)
    }
}
