import RingbackCodecs
import RingbackSeededRandom
import Testing

@Suite struct CSVRoundTripTests {
    @Test func knownAwkwardRowsRoundTrip() {
        let rows: [[String]] = [
            ["sid", "from", "caller_name", "note"],
            ["CA1", "+15125550100", "Smith, John", "said \"call me\"\nback"],
            ["", "", "", ""],
            [""],
            ["\r", "\n", "\r\n", "\"\""],
            [" ", "  x  ", "\t", "\u{FEFF}"],
            ["中文", "😀👍🏽", "e\u{301}", "\u{0}"],
        ]
        for includesByteOrderMark in [true, false] {
            let writer = CSVWriter(includesByteOrderMark: includesByteOrderMark)
            let result = readCSV(bytes: writer.bytes(rows))
            #expect(result.problems.isEmpty)
            #expect(result.records.map(\.fields) == rows)
        }
    }

    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")])
    func randomRowsRoundTrip(delimiter: UInt8) {
        var generator = SeededRandom(seed: 0xC5F + UInt64(delimiter))
        for _ in 0..<300 {
            let rows: [[String]] = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                    RandomText.string(maxLength: 12, using: &generator)
                }
            }
            let writer = CSVWriter(delimiter: delimiter, includesByteOrderMark: Bool.random(using: &generator))
            let bytes = writer.bytes(rows)
            let result = readCSV(bytes: bytes, delimiter: delimiter)
            #expect(result.problems.isEmpty)
            #expect(result.records.map(\.fields) == rows)
            #expect(result.records.map(\.fields).map { $0.map { Array($0.utf8) } } == rows.map { $0.map { Array($0.utf8) } })
        }
    }

    @Test func lineNumbersFollowPhysicalLines() {
        let rows = [["a\nb", "c\r\nd"], ["e"], ["f\rg"], ["h"]]
        let result = readCSV(bytes: CSVWriter().bytes(rows))
        #expect(result.records.map(\.line) == [1, 4, 5, 7])
    }
}
