import Foundation
import RingbackJSON
import Testing

@testable import RingbackEmulator

/// A1 notation, sheet-name quoting and number rendering: the small rules behind Google's exact response strings.
@Suite struct NotationAndFormattingTests {
    @Test func parsesA1Forms() {
        #expect(A1Range.parse("Sheet1!A1:C") == A1Range(sheetName: "Sheet1", startRow: 0, startColumn: 0, endRow: nil, endColumn: 2))
        #expect(A1Range.parse("'It''s'!B2") == A1Range(sheetName: "It's", startRow: 1, startColumn: 1, endRow: 1, endColumn: 1))
        #expect(A1Range.parse("A:A") == A1Range(sheetName: nil, startRow: 0, startColumn: 0, endRow: nil, endColumn: 0))
        #expect(A1Range.parse("2:3") == A1Range(sheetName: nil, startRow: 1, startColumn: 0, endRow: 2, endColumn: nil))
        #expect(A1Range.parse("Missed calls") == A1Range.wholeSheet("Missed calls"))
        #expect(A1Range.parse("C3:A1") == A1Range(sheetName: nil, startRow: 0, startColumn: 0, endRow: 2, endColumn: 2))
        #expect(A1Range.parse("'unclosed!A1") == nil)
        #expect(A1Range.parse("Sheet1!A0") == nil)
    }

    @Test func quotesSheetNamesOnlyWhenNeeded() {
        #expect(A1Notation.quotedTitle("Sheet1") == "Sheet1")
        #expect(A1Notation.quotedTitle("Leads_2026") == "Leads_2026")
        #expect(A1Notation.quotedTitle("D3") == "'D3'")
        #expect(A1Notation.quotedTitle("R1C1") == "'R1C1'")
        #expect(A1Notation.quotedTitle("Missed calls") == "'Missed calls'")
        #expect(A1Notation.quotedTitle("Bob's") == "'Bob''s'")
        #expect(A1Notation.quotedTitle("2026") == "'2026'")
        #expect(A1Notation.columnLetters(0) == "A" && A1Notation.columnLetters(25) == "Z" && A1Notation.columnLetters(26) == "AA")
        #expect(A1Notation.columnLetters(18277) == "ZZZ")
    }

    @Test func rendersNumbersAsTheGridShowsThem() {
        #expect(SheetsNumberFormat.general(42) == "42")
        #expect(SheetsNumberFormat.general(42.01) == "42.01")
        #expect(SheetsNumberFormat.general(0.12) == "0.12")
        #expect(SheetsNumberFormat.general(1.0 / 3) == "0.3333333333")
        #expect(SheetsNumberFormat.format(43831, type: "DATE", pattern: "yyyy-mm-dd") == "2020-01-01")
        #expect(SheetsNumberFormat.format(36162, type: "DATE", pattern: "m/d/yyyy") == "1/2/1999")
        #expect(SheetsNumberFormat.format(46346.604166666664, type: "DATE_TIME", pattern: "m/d/yyyy h:mm:ss") == "11/20/2026 14:30:00")
        #expect(SheetsNumberFormat.format(0.6041666666666666, type: "TIME", pattern: "h:mm:ss am/pm") == "2:30:00 PM")
        #expect(SheetsNumberFormat.format(1234.5, type: "NUMBER", pattern: "#,##0.00") == "1,234.50")
        #expect(SheetsNumberFormat.format(0.125, type: "PERCENT", pattern: "0.00%") == "12.50%")
        #expect(SheetsNumberFormat.format(1e300, type: "DATE", pattern: "yyyy-mm-dd") == "1.00E+300")
    }

    @Test func officeEditsMoveWholeRows() {
        let emulator = GoogleEmulator()
        emulator.createSpreadsheet(id: "s", sheets: ["Leads", "Old"])
        for (row, values) in [["Phone", "Status"], ["512", "New"], ["737", "Called back"], ["210", "=1/0"]].enumerated() {
            for (column, text) in values.enumerated() {
                emulator.type(text, spreadsheetID: "s", sheet: "Leads", row: row, column: column)
            }
        }
        emulator.sortRows(spreadsheetID: "s", sheet: "Leads", byColumn: 0, descending: true)
        #expect(
            emulator.formattedValues(spreadsheetID: "s", sheet: "Leads") == [
                ["Phone", "Status"], ["737", "Called back"], ["512", "New"], ["210", "#DIV/0!"],
            ])
        #expect(emulator.cell(spreadsheetID: "s", sheet: "Leads", row: 1, column: 0) == .number(737))
        emulator.deleteSheet(spreadsheetID: "s", sheet: "Old")
        #expect(emulator.formattedValues(spreadsheetID: "s", sheet: "Old") == nil)
        #expect(emulator.sheetProperties(spreadsheetID: "s", sheet: "Leads")?["index"] == 0)
    }
}
