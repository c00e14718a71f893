import Foundation
import RingbackCodecs
import Testing

@Suite struct CSVFileReadingTests {
    @Test func readsFileAndSniffsDelimiter() throws {
        let directory = try ExternalProcess.temporaryDirectory("csv-file")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("export.csv")
        let writer = CSVWriter(delimiter: UInt8(ascii: ";"))
        let rows = [["Datum", "Von"], ["18.10.2019", "+49 30 1234,5"]]
        try Data(writer.bytes(rows)).write(to: file)

        let reader = try CSVReader(contentsOfFile: file.path)
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(reader.readAll().records.map(\.fields) == rows)
    }

    @Test func readsEmptyFile() throws {
        let directory = try ExternalProcess.temporaryDirectory("csv-empty")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("empty.csv")
        try Data().write(to: file)
        let reader = try CSVReader(contentsOfFile: file.path)
        #expect(reader.readAll().records.isEmpty)
    }

    @Test func missingFileThrows() {
        #expect(throws: (any Error).self) {
            _ = try CSVReader(contentsOfFile: "/nonexistent/ringback/missing.csv")
        }
    }
}
