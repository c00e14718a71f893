import RingbackCodecs
import RingbackSeededRandom
import Testing

@Suite struct ICalendarFoldingTests {
    private static let samples: [String] = [
        String(repeating: "abcdefghij", count: 40),
        String(repeating: "😀", count: 120),
        String(repeating: "é", count: 200),
        String(repeating: "中文字", count: 90),
        "x" + String(repeating: "👍🏽é中", count: 60),
        String(repeating: "a,b;c\\d\n", count: 50),
    ]

    @Test(arguments: samples)
    func foldedCalendarLinesAreShortValidUTF8AndRoundTrip(text: String) throws {
        let event = ICalComponent(name: "VEVENT", properties: [.text("DESCRIPTION", text), .text("SUMMARY", text)])
        let bytes = ICalendarWriter().bytes(ICalendar(prodID: "-//Ringback//Test//EN", components: [event]))
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        #expect(!bytes.indices.contains { bytes[$0] == 0x0A && ($0 == 0 || bytes[$0 - 1] != 0x0D) })
        for line in ICalendarTextDecoding.physicalLines(bytes) {
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil)
        }
        let unfolded = ICalendarTextDecoding.unfold(String(decoding: bytes, as: UTF8.self))
        let description = try #require(unfolded.split(separator: "\r\n").first { $0.hasPrefix("DESCRIPTION:") })
        #expect(ICalendarTextDecoding.unescape(String(description.dropFirst("DESCRIPTION:".count))) == text)
    }

    @Test func shortLinesAreNotFolded() {
        let line = String(repeating: "a", count: 75)
        #expect(ICalendarWriter.fold(line) == line)
        #expect(ICalendarWriter.fold(line + "b") == line + "\r\n b")
    }

    @Test func continuationLinesHoldAtMost74OctetsAfterTheSpace() {
        let folded = ICalendarWriter.fold(String(repeating: "a", count: 75 + 74 + 10))
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.map(\.utf8.count) == [75, 75, 11])
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
    }

    @Test func multiByteCharacterAtTheBoundaryMovesToTheNextLine() {
        let folded = ICalendarWriter.fold(String(repeating: "a", count: 74) + "😀b")
        #expect(folded == String(repeating: "a", count: 74) + "\r\n 😀b")
    }

    @Test func randomTextRoundTrips() {
        var generator = SeededRandom(seed: 77)
        for _ in 0..<300 {
            let text = RandomText.string(maxLength: 120, using: &generator)
            let line = ICalendarWriter.contentLine(.text("SUMMARY", text))
            let folded = ICalendarWriter.fold(line)
            for physical in folded.components(separatedBy: "\r\n") {
                #expect(physical.utf8.count <= 75)
            }
            let value = ICalendarTextDecoding.unescape(String(ICalendarTextDecoding.unfold(folded).dropFirst("SUMMARY:".count)))
            // Line breaks but LF, and control characters but TAB, become spaces (LineSafeText).
            let expected = String(
                String.UnicodeScalarView(
                    text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.map {
                        let kept =
                            $0 == "\n" || $0 == "\t"
                            || ($0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) && $0.value != 0x2028 && $0.value != 0x2029)
                        return kept ? $0 : " "
                    }))
            #expect(value == expected)
        }
    }
}
