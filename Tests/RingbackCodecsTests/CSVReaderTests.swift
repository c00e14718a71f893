import RingbackCodecs
import Testing

@Suite struct CSVReaderTests {
    @Test func readsSimpleRecordsWithLineNumbers() {
        let result = readCSV("a,b,c\n1,2,3\n")
        #expect(result.problems.isEmpty)
        #expect(
            result.records == [
                CSVRecord(line: 1, fields: ["a", "b", "c"]),
                CSVRecord(line: 2, fields: ["1", "2", "3"]),
            ])
    }

    @Test(arguments: ["a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r1,2\r", "a,b\n1,2", "a,b\r\n1,2"])
    func acceptsEveryLineEnding(text: String) {
        let result = readCSV(text)
        #expect(result.records == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["1", "2"])])
    }

    @Test func skipsBlankLinesButKeepsCountingThem() {
        let result = readCSV("\n\na\r\n\r\n\rb\n\n")
        #expect(result.records == [CSVRecord(line: 3, fields: ["a"]), CSVRecord(line: 6, fields: ["b"])])
    }

    @Test func skipsByteOrderMark() {
        let result = readCSV(bytes: [0xEF, 0xBB, 0xBF] + Array("sid,to\nCA1,+1\n".utf8))
        #expect(result.records.first?.fields == ["sid", "to"])
    }

    @Test func emptyInputYieldsNothing() {
        #expect(readCSV("").records.isEmpty)
        #expect(readCSV(bytes: [0xEF, 0xBB, 0xBF]).records.isEmpty)
        #expect(readCSV("\r\n\n\r").records.isEmpty)
    }

    @Test func keepsEmptyFields() {
        #expect(readCSV(",\n").records == [CSVRecord(line: 1, fields: ["", ""])])
        #expect(readCSV("a,,c,\n").records == [CSVRecord(line: 1, fields: ["a", "", "c", ""])])
        #expect(readCSV("\"\"\n").records == [CSVRecord(line: 1, fields: [""])])
    }

    @Test func unquotesAndUnescapesQuotedFields() {
        let result = readCSV("\"Smith, John\",\"say \"\"hi\"\"\",\"\"\"\"\n")
        #expect(result.records == [CSVRecord(line: 1, fields: ["Smith, John", "say \"hi\"", "\""])])
    }

    @Test func quotedFieldsSpanLinesAndLinesKeepCounting() {
        let text = "id,note\n1,\"line one\nline two\r\nline three\rline four\"\n2,x\n"
        let result = readCSV(text)
        #expect(result.problems.isEmpty)
        #expect(
            result.records == [
                CSVRecord(line: 1, fields: ["id", "note"]),
                CSVRecord(line: 2, fields: ["1", "line one\nline two\r\nline three\rline four"]),
                CSVRecord(line: 6, fields: ["2", "x"]),
            ])
    }

    @Test func raggedRowsReadMissingFieldsAsEmpty() {
        let reader = CSVReader(bytes: Array("a,b,c\n1\n".utf8))
        var seen: [[String]] = []
        var missingLooksEmpty: [Bool] = []
        let problems = reader.forEachRecord { record in
            seen.append([record[0], record[1], record[2], record[-1]])
            missingLooksEmpty.append(record.isEmpty(5))
            missingLooksEmpty.append(record.bytesEqual(9, ""))
            missingLooksEmpty.append(record.withFieldBytes(7) { $0.isEmpty })
        }
        #expect(problems.isEmpty)
        #expect(seen == [["a", "b", "c", ""], ["1", "", "", ""]])
        #expect(missingLooksEmpty == Array(repeating: true, count: 6))
    }

    @Test func viewGivesBytesWithoutStrings() {
        struct Observed: Equatable {
            var count = 0, line = 0, duration = 0, byteCount = 0
            var matches: [Bool] = []
            var fields: [String] = []
        }
        var observed = Observed()
        let reader = CSVReader(bytes: Array("completed,\"no-\"\"answer\",545,\n".utf8))
        _ = reader.forEachRecord { record in
            observed.count = record.count
            observed.line = record.line
            observed.byteCount = record.byteCount(1)
            observed.duration = record.withFieldBytes(2) { bytes in
                bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            }
            observed.matches = [
                record.bytesEqual(0, "completed"),
                !record.bytesEqual(0, "complete"),
                record.bytesEqual(1, Array("no-\"answer".utf8)),
                record.isEmpty(3),
                !record.isEmpty(2),
            ]
            observed.fields = record.fields
        }
        #expect(
            observed
                == Observed(
                    count: 4, line: 1, duration: 545, byteCount: 10,
                    matches: [true, true, true, true, true],
                    fields: ["completed", "no-\"answer", "545", ""]
                ))
    }

    @Test func fieldsThatAreNotUTF8AreReadAsWindows1252() {
        let result = readCSV(bytes: [0x61, 0xFF, 0x2C, 0xC3, 0xA9, 0x2C, 0x4A, 0x6F, 0x73, 0xE9, 0x20, 0x93, 0x50, 0x94, 0x2C, 0x80, 0x0A])
        #expect(result.records == [CSVRecord(line: 1, fields: ["aÿ", "é", "José “P”", "€"])])
    }

    @Test func honoursOtherDelimiters() {
        #expect(readCSV("a;\"b;c\";d,e\n", delimiter: UInt8(ascii: ";")).records.first?.fields == ["a", "b;c", "d,e"])
        #expect(readCSV("a\tb c\t\n", delimiter: UInt8(ascii: "\t")).records.first?.fields == ["a", "b c", ""])
    }

    @Test func bodyErrorsPropagate() {
        struct Stop: Error {}
        let reader = CSVReader(bytes: Array("a\nb\nc\n".utf8))
        var count = 0
        #expect(throws: Stop.self) {
            _ = try reader.forEachRecord { _ in
                count += 1
                if count == 2 { throw Stop() }
            }
        }
        #expect(count == 2)
    }

    @Test func largeFieldsGrowTheScratchBuffer() {
        let big = String(repeating: "x\"\"y,", count: 10_000)
        let result = readCSV("\"\(big)\",\"\(big)\"\n")
        let expected = String(repeating: "x\"y,", count: 10_000)
        #expect(result.records.first?.fields == [expected, expected])
    }

    @Test func manyFieldsGrowTheSpanBuffer() {
        let fields = (0..<1000).map(String.init)
        #expect(readCSV(fields.joined(separator: ",") + "\n").records.first?.fields == fields)
    }
}
