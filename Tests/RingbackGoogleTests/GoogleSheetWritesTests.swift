import Foundation
import RingbackCore
import RingbackJSON
import Testing

@testable import RingbackGoogle

/// A Sheets service that must not be called: the tests here read what the target would send, and a
/// call would mean the target went to the network to decide it.
private struct UnusedSheets: SheetsService {
    func batchGet(spreadsheetID: String, ranges: [String], render: SheetsValueRender) throws(GoogleAPIError) -> [SheetsValueRange] {
        Issue.record("batchGet was called")
        return []
    }

    func batchUpdateValues(spreadsheetID: String, data: [SheetsValueRange]) throws(GoogleAPIError) {
        Issue.record("batchUpdateValues was called")
    }

    func appendValues(spreadsheetID: String, range: String, values: [[JSONValue]]) throws(GoogleAPIError) {
        Issue.record("appendValues was called")
    }
    func batchUpdate(spreadsheetID: String, requests: [JSONValue]) throws(GoogleAPIError) -> [JSONValue] {
        Issue.record("batchUpdate was called")
        return []
    }

    func spreadsheet(spreadsheetID: String, fields: String) throws(GoogleAPIError) -> JSONValue {
        Issue.record("spreadsheet was called")
        return .null
    }
}

@Suite struct GoogleSheetWritesTests {
    let target = GoogleSheetTarget(service: UnusedSheets(), spreadsheetID: "sheet-1")

    @Test func aNewTabGetsItsHeaderThenTheRowsAsRawText() {
        var plan = SheetPlan(target: target.label)
        plan.creates = [
            DesiredRow(leadID: "L-1", cells: SheetCells([.leadID: "L-1", .phone: "+1 512 555 0100", .summary: "=HYPERLINK(\"http://x\")"]))
        ]
        let snapshot = GoogleSheetSnapshot(exists: false, header: [], rows: [], gridRows: 0, gridColumns: 0)
        let data = target.writes(for: plan, snapshot: snapshot)
        #expect(data.count == 2)
        #expect(data[0].range == "'Missed Calls'!A1:Y1")
        #expect(data[0].values[0].first == .string("Lead ID"))
        #expect(data[1].range == "'Missed Calls'!A2:Y2")
        let row = data[1].values[0]
        #expect(row[SheetColumn.header.firstIndex(of: "Phone")!] == .string("+1 512 555 0100"))
        #expect(row[SheetColumn.header.firstIndex(of: "Summary")!] == .string("=HYPERLINK(\"http://x\")"))
        #expect(row[SheetColumn.header.firstIndex(of: "Notes")!] == .null)
    }

    @Test func updatesLandOnTheRowOfTheirLeadIDWhereverTheOfficeMovedIt() {
        let header = ["Notes", "Lead ID", "Status", "Owner"]
        let snapshot = GoogleSheetSnapshot(
            exists: true, header: header,
            rows: [["mine", ""], ["", "L-2", "New missed call", "Admin"], ["", "L-1", "Booked", "Dispatcher"]],
            gridRows: 1000, gridColumns: 26)
        var plan = SheetPlan(target: target.label)
        plan.updates = [
            SheetPlan.Update(
                leadID: "L-1",
                changes: [
                    .init(column: .status, old: "Booked", new: "Qualified"), .init(column: .owner, old: "Dispatcher", new: "Admin"),
                ])
        ]
        plan.creates = [DesiredRow(leadID: "L-3", cells: SheetCells([.leadID: "L-3", .status: "New missed call"]))]
        let data = target.writes(for: plan, snapshot: snapshot)
        // The columns added since the tab was made are appended to its header first.
        #expect(data.map(\.range) == ["'Missed Calls'!E1:I1", "'Missed Calls'!C4:D4", "'Missed Calls'!A5:I5"])
        #expect(
            data[0].values == [
                [.string("Why"), .string("Transcript"), .string("Problems"), .string("Suggested Message"), .string("Offered Windows")]
            ])
        #expect(data[1].values == [[.string("Qualified"), .string("Admin")]])
        #expect(data[2].values == [[.null, .string("L-3"), .string("New missed call"), .null, .null, .null, .null, .null, .null]])
    }

    @Test func unchangedCellsBetweenChangesAreLeftAlone() {
        let snapshot = GoogleSheetSnapshot(exists: true, header: SheetColumn.header, rows: [["L-1"]], gridRows: 1000, gridColumns: 26)
        var plan = SheetPlan(target: target.label)
        plan.updates = [
            SheetPlan.Update(
                leadID: "L-1",
                changes: [
                    .init(column: .callerName, old: "", new: "Ana"), .init(column: .urgency, old: "", new: "Same day"),
                ])
        ]
        let data = target.writes(for: plan, snapshot: snapshot)
        #expect(data.map(\.range) == ["'Missed Calls'!C2:I2"])
        #expect(data[0].values[0].filter { $0 != .null } == [.string("Ana"), .string("Same day")])
    }

    @Test func noChangeMeansNoWrite() {
        let snapshot = GoogleSheetSnapshot(exists: true, header: SheetColumn.header, rows: [["L-1"]], gridRows: 1000, gridColumns: 26)
        #expect(target.writes(for: SheetPlan(target: target.label), snapshot: snapshot).isEmpty)
    }

    @Test func snapshotsKeyRowsByLeadIDAndReportDuplicates() {
        let snapshot = GoogleSheetSnapshot(
            exists: true, header: ["Lead ID", "Status"],
            rows: [["L-1", "Booked"], [], ["L-1", "Qualified"], [" L-2 ", "x"]], gridRows: 1000, gridColumns: 26)
        #expect(snapshot.rowNumbers == ["L-1": 2, "L-2": 5])
        #expect(snapshot.contents.duplicateIDs == ["L-1"])
        #expect(snapshot.contents.rows["L-1"]?.cells[.status] == "Booked")
    }

    @Test func typedDatesComeBackAsLocalWallClockText() {
        #expect(SheetCellText.wallClock(serial: 43831) == "2020-01-01")
        #expect(SheetCellText.text(.number(46350.375), isTime: true) == "2026-11-24 09:00")
        #expect(SheetCellText.text(.number(46350.375), isTime: false) == "46350.375")
        #expect(SheetCellText.text(.number(5125550100), isTime: false) == "5125550100")
        #expect(SheetCellText.text(.bool(true), isTime: false) == "TRUE")
    }

    @Test func bigWritesAreSplitUnderTheBodyLimit() {
        let row: [JSONValue] = Array(repeating: .string(String(repeating: "x", count: 1000)), count: 20)
        let block = SheetsValueRange(range: "'Missed Calls'!A2:T1001", values: Array(repeating: row, count: 1000))
        let chunks = GoogleSheetTarget.chunks([block])
        #expect(chunks.count > 1)
        #expect(chunks.flatMap { $0 }.reduce(0) { $0 + $1.values.count } == 1000)
        #expect(chunks.first?.first?.range == "'Missed Calls'!A2:T" + "\(2 + (chunks.first?.first?.values.count ?? 0) - 1)")
    }
}
