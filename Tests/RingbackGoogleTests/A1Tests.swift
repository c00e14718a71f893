import Testing

@testable import RingbackGoogle

/// A1 notation as Sheets writes and returns it.
@Suite struct A1Tests {
    @Test(arguments: [
        ("Sheet1", "Sheet1"), ("Leads_2026", "Leads_2026"), ("Missed Calls", "'Missed Calls'"), ("It's", "'It''s'"),
        ("A1", "'A1'"), ("D3", "'D3'"), ("R1C1", "'R1C1'"), ("rc", "'rc'"), ("2026", "'2026'"), ("a!b", "'a!b'"),
        ("x:y", "'x:y'"), ("🌵 test", "'🌵 test'"), ("", "''"), ("ABCD1", "ABCD1"),
    ])
    func sheetNamesAreQuotedOnlyWhenNeeded(name: String, quoted: String) {
        #expect(A1.quoted(sheet: name) == quoted)
    }

    @Test func columnLetters() {
        #expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(A1.columnLetters) == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"])
        #expect(["A", "z", "AA", "XFD"].map { A1.columnIndex($0) } == [0, 25, 26, 16383])
        #expect(A1.columnIndex("A1") == nil && A1.columnIndex("") == nil)
    }

    @Test func ranges() {
        #expect(A1.range(sheet: "Missed Calls", row: 5, column: 1, rows: 1, columns: 3) == "'Missed Calls'!B5:D5")
        #expect(A1.range(sheet: "Sheet1", row: 1, column: 1) == "Sheet1!B1")
        #expect(A1.range(sheet: "It's", row: 2, column: 0, rows: 10, columns: 20) == "'It''s'!A2:T11")
    }

    @Test func parsingResponseRanges() throws {
        #expect(A1Range.parse("'Missed Calls'!A1:T1000") == A1Range(sheet: "Missed Calls", startRow: 1, startColumn: 0, endRow: 1000, endColumn: 19))
        #expect(A1Range.parse("Sheet1!B1") == A1Range(sheet: "Sheet1", startRow: 1, startColumn: 1, endRow: 1, endColumn: 1))
        #expect(A1Range.parse("'It''s'!A1:C") == A1Range(sheet: "It's", startRow: 1, startColumn: 0, endRow: nil, endColumn: 2))
        #expect(A1Range.parse("'D3'!A1:D1") == A1Range(sheet: "D3", startRow: 1, startColumn: 0, endRow: 1, endColumn: 3))
        #expect(A1Range.parse("'🌵 test_values_get 1'!A1:C2")?.sheet == "🌵 test_values_get 1")
        #expect(A1Range.parse("Sheet1!A:A") == A1Range(sheet: "Sheet1", startRow: 1, startColumn: 0, endRow: nil, endColumn: 0))
        #expect(A1Range.parse("Sheet1!2:3") == A1Range(sheet: "Sheet1", startRow: 2, startColumn: 0, endRow: 3, endColumn: nil))
        #expect(A1Range.parse("Sheet1") == A1Range(sheet: "Sheet1", startRow: 1, startColumn: 0))
        #expect(A1Range.parse("B2:C3") == A1Range(sheet: "", startRow: 2, startColumn: 1, endRow: 3, endColumn: 2))
        #expect(A1Range.parse("'a!b'!$A$1") == A1Range(sheet: "a!b", startRow: 1, startColumn: 0, endRow: 1, endColumn: 0))
        for broken in ["'Unclosed!A1", "Sheet1!A0", "Sheet1!1A", "Sheet1!A1:B2:C3", "'x'y!A1"] {
            #expect(A1Range.parse(broken) == nil, "\(broken)")
        }
    }

    @Test func parsedRangesRenderBack() throws {
        for text in ["'Missed Calls'!A1:T1000", "Sheet1!B1", "'It''s'!A1:C", "'D3'!A1:D1"] {
            #expect(try #require(A1Range.parse(text)).a1 == text)
        }
    }
}
