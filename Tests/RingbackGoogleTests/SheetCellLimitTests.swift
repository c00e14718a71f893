import Foundation
import RingbackCore
import RingbackJSON
import Testing

@testable import RingbackGoogle

/// Text longer than a Google cell holds is cut with a marker, never sent whole (Google would refuse the whole write).
@Suite struct SheetCellLimitTests {
    @Test func shortTextIsLeftWholeAndLongTextIsCutToTheLimitWithAMarker() {
        #expect(SheetCellLimit.fitted("short", fullTextIn: SheetCellLimit.export) == "short")
        let exact = String(repeating: "a", count: 50_000)
        #expect(SheetCellLimit.fitted(exact, fullTextIn: SheetCellLimit.export) == exact)
        let long = String(repeating: "word ", count: 12_246) + "end"
        let cut = SheetCellLimit.fitted(long, fullTextIn: SheetCellLimit.transcriptLink)
        #expect(cut.utf16.count <= 50_000)
        #expect(cut.hasSuffix("… [cut: 61,233 characters; full text in the transcript link]"))
        #expect(long.hasPrefix(cut.prefix(40_000)))
        #expect(SheetCellLimit.isCut(cut, of: long))
        #expect(!SheetCellLimit.isCut(cut, of: long + "x"))
        #expect(!SheetCellLimit.isCut("office text", of: long))
    }

    @Test func aCutNeverSplitsACharacter() {
        let emoji = String(repeating: "👩🏽‍🔧", count: 10_000)
        let cut = SheetCellLimit.fitted(emoji, fullTextIn: SheetCellLimit.export)
        #expect(cut.utf16.count <= 50_000)
        let kept = cut[..<cut.range(of: "… [cut: ")!.lowerBound]
        #expect(kept.allSatisfy { $0 == "👩🏽‍🔧" })
        #expect(cut.hasSuffix("… [cut: 70,000 characters; full text in the phone system's export]"))
    }

    @Test func theTargetWritesTheCutTextAndReadsItBackAsTheFullText() {
        let target = GoogleSheetTarget(service: NoSheets(), spreadsheetID: "sheet-1")
        let transcript = String(repeating: "no heat in the basement ", count: 2_600)
        var plan = SheetPlan(target: target.label)
        plan.creates = [
            DesiredRow(
                leadID: "L-1",
                cells: SheetCells([
                    .leadID: "L-1", .summary: transcript,
                    .transcriptLink: "https://calls.example/rec/1",
                ]))
        ]
        let snapshot = GoogleSheetSnapshot(exists: true, header: SheetColumn.header, rows: [], gridRows: 1000, gridColumns: 20)
        let data = target.writes(for: plan, snapshot: snapshot)
        let summaryColumn = SheetColumn.header.firstIndex(of: "Summary")!
        guard case .string(let written) = data[0].values[0][summaryColumn] else { Issue.record("no summary written"); return }
        #expect(written.utf16.count <= 50_000)
        #expect(written.hasSuffix("… [cut: 62,400 characters; full text in the transcript link]"))

        var row = [String](repeating: "", count: SheetColumn.header.count)
        row[SheetColumn.header.firstIndex(of: "Lead ID")!] = "L-1"
        row[summaryColumn] = written
        let read = GoogleSheetSnapshot(exists: true, header: SheetColumn.header, rows: [row], gridRows: 1000, gridColumns: 20)
        let remembered = TargetState(rows: ["L-1": SyncedRow(leadID: "L-1", cells: SheetCells([.leadID: "L-1", .summary: transcript]))])
        #expect(target.uncut(read, remembered: remembered).rows[0][summaryColumn] == transcript)
    }
}

/// A Sheets service the pure tests never reach.
private struct NoSheets: SheetsService {
    func batchGet(spreadsheetID: String, ranges: [String], render: SheetsValueRender) throws(GoogleAPIError) -> [SheetsValueRange] { [] }
    func batchUpdateValues(spreadsheetID: String, data: [SheetsValueRange]) throws(GoogleAPIError) {}
    func appendValues(spreadsheetID: String, range: String, values: [[JSONValue]]) throws(GoogleAPIError) {}
    func batchUpdate(spreadsheetID: String, requests: [JSONValue]) throws(GoogleAPIError) -> [JSONValue] { [] }
    func spreadsheet(spreadsheetID: String, fields: String) throws(GoogleAPIError) -> JSONValue { .null }
}
