import RingbackCodecs
import Testing

@Suite struct CSVWriterTests {
    private let plain = CSVWriter(includesByteOrderMark: false)

    @Test func writesByteOrderMarkAndCRLFByDefault() {
        let bytes = CSVWriter().bytes([["a", "b"], ["1", "2"]])
        #expect(bytes == [0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r\n".utf8))
    }

    @Test func quotesOnlyWhenNeeded() {
        let text = plain.string([["plain", "with,comma", "with \"quote\"", "line\nbreak", "cr\rhere", " lead", "trail ", "mid dle", "é😀"]])
        #expect(text == "plain,\"with,comma\",\"with \"\"quote\"\"\",\"line\nbreak\",\"cr\rhere\",\" lead\",\"trail \",mid dle,é😀\r\n")
    }

    @Test func singleEmptyFieldStaysARow() {
        #expect(plain.string([[""]]) == "\"\"\r\n")
        #expect(plain.string([["", ""]]) == ",\r\n")
        #expect(plain.string([[]]) == "\r\n")
    }

    @Test func usesTheConfiguredDelimiter() {
        let writer = CSVWriter(delimiter: UInt8(ascii: ";"), includesByteOrderMark: false)
        #expect(writer.string([["a;b", "c,d"]]) == "\"a;b\";c,d\r\n")
        #expect(writer.needsQuoting("a;b"))
        #expect(!writer.needsQuoting("a,b"))
    }

    @Test func leadingByteOrderMarkCharacterIsQuoted() {
        #expect(plain.string([["\u{FEFF}x"]]) == "\"\u{FEFF}x\"\r\n")
    }

    @Test func emptyInputWritesOnlyTheByteOrderMark() {
        #expect(CSVWriter().bytes([]) == [0xEF, 0xBB, 0xBF])
        #expect(plain.bytes([]).isEmpty)
    }

    @Test func appendRowAddsOneLine() {
        var output: [UInt8] = []
        plain.appendRow(["x", "y"], to: &output)
        plain.appendRow(["z"], to: &output)
        #expect(output == Array("x,y\r\nz\r\n".utf8))
    }
}
