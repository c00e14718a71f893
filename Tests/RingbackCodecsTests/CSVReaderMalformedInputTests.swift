import RingbackCodecs
import RingbackSeededRandom
import Testing

@Suite struct CSVReaderMalformedInputTests {
    @Test func unterminatedQuoteIsReportedAndReadingResumesOnTheNextLine() {
        let text = "id,name\n1,\"oops\n2,Bob\n3,Carol\n"
        let result = readCSV(text)
        #expect(result.problems == [CSVProblem(line: 2, message: "unterminated quoted field starting on line 2")])
        #expect(
            result.records == [
                CSVRecord(line: 1, fields: ["id", "name"]),
                CSVRecord(line: 3, fields: ["2", "Bob"]),
                CSVRecord(line: 4, fields: ["3", "Carol"]),
            ])
    }

    @Test func unterminatedQuoteInMultiLineRecordResumesAfterTheRecordStart() {
        let text = "1,\"a\nb\",\"open\n2,x\r\n3,y"
        let result = readCSV(text)
        #expect(result.problems.map(\.line) == [1, 2])
        #expect(
            result.records == [
                CSVRecord(line: 3, fields: ["2", "x"]),
                CSVRecord(line: 4, fields: ["3", "y"]),
            ])
    }

    @Test func anUnbalancedQuoteDoesNotSwallowTheNextQuotedRecord() {
        let text = "id,when,phone\n1,\"Fri, 20 Nov\",\"+1512\n2,\"Sat, 21 Nov\",+15125550307\n"
        let result = readCSV(text)
        #expect(result.problems == [CSVProblem(line: 2, message: "unterminated quoted field starting on line 2")])
        #expect(
            result.records == [
                CSVRecord(line: 1, fields: ["id", "when", "phone"]),
                CSVRecord(line: 3, fields: ["2", "Sat, 21 Nov", "+15125550307"]),
            ])
    }

    @Test func aQuotedFieldSpanningLinesStillClosesNormally() {
        let result = readCSV("1,\"line one\nline two\",x\n2,y\n")
        #expect(result.problems.isEmpty)
        #expect(result.records.map(\.fields) == [["1", "line one\nline two", "x"], ["2", "y"]])
    }

    @Test func unterminatedQuoteOnLastLine() {
        let result = readCSV("a\n\"b")
        #expect(result.records == [CSVRecord(line: 1, fields: ["a"])])
        #expect(result.problems == [CSVProblem(line: 2, message: "unterminated quoted field starting on line 2")])
    }

    @Test func strayQuoteInUnquotedFieldIsLiteral() {
        #expect(readCSV("5\" pipe,O\"Brien\"\n").records.first?.fields == ["5\" pipe", "O\"Brien\""])
    }

    @Test func textAfterClosingQuoteIsKept() {
        #expect(readCSV("\"abc\"x,\"d\"\"e\"f\"g\n").records.first?.fields == ["abcx", "d\"ef\"g"])
        #expect(readCSV("\"abc\" ,z\n").records.first?.fields == ["abc ", "z"])
    }

    @Test func closingQuoteAtEndOfFileIsFine() {
        #expect(readCSV("\"abc\"").records == [CSVRecord(line: 1, fields: ["abc"])])
        #expect(readCSV("\"a\"\"\"").records == [CSVRecord(line: 1, fields: ["a\""])])
    }

    @Test func nulBytesAreKeptAsData() {
        let result = readCSV(bytes: [0x61, 0x00, 0x2C, 0x00, 0x0A, 0x00])
        #expect(result.records == [CSVRecord(line: 1, fields: ["a\u{0}", "\u{0}"]), CSVRecord(line: 2, fields: ["\u{0}"])])
    }

    @Test func randomBinaryNeverCrashesAndNeverLosesLines() {
        var generator = SeededRandom(seed: 2024)
        let interesting: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0x00, 0xFF, 0xEF, 0xBB, 0xBF, 0x61]
        for round in 0..<2000 {
            let length = Int.random(in: 0..<200, using: &generator)
            let bytes: [UInt8] = (0..<length).map { _ in
                round.isMultiple(of: 2)
                    ? interesting.randomElement(using: &generator)!
                    : UInt8.random(in: 0...255, using: &generator)
            }
            let result = readCSV(bytes: bytes)
            let lines = (result.records.map(\.line) + result.problems.map(\.line))
            #expect(lines.allSatisfy { $0 >= 1 })
            #expect(result.records.map(\.line) == result.records.map(\.line).sorted())
            #expect(result.problems.count <= 1 + bytes.filter { $0 == 0x0A || $0 == 0x0D }.count)
        }
    }

    @Test(arguments: [UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x00, 0xFF])
    func oddDelimitersNeverCrash(delimiter: UInt8) {
        var generator = SeededRandom(seed: UInt64(delimiter) + 1)
        let interesting: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0x00, 0xFF, 0x61]
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0..<80, using: &generator)).map { _ in interesting.randomElement(using: &generator)! }
            let result = readCSV(bytes: bytes, delimiter: delimiter)
            #expect(result.records.allSatisfy { $0.line >= 1 })
        }
    }

    @Test func manyUnterminatedQuotesStayLinear() {
        var text = ""
        text += "\"never closed\n"
        for index in 0..<20_000 {
            text += index.isMultiple(of: 3) ? "\"\(index),x\n" : "\(index),\"\"\"\"\n"
        }
        let started = ContinuousClock.now
        let result = readCSV(text)
        #expect(ContinuousClock.now - started < .seconds(5))
        // Every third line opens a quote it never closes: each is one problem and the reader picks up
        // again on the next line, so the other two lines in three are records.
        #expect(result.problems.count == 1 + 6667)
        #expect(result.records.count == 20_000 - 6667)
    }
}
