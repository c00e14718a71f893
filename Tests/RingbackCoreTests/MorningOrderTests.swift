import RingbackCore
import Testing

/// The morning list: Ringback's rows in working order, the office's rows where the office put them.
@Suite struct MorningOrderTests {
    static let header = ["Lead ID", "Status", "Due By", "Timestamp", "My column"]

    static func grid(_ rows: [[String]]) -> SheetGrid { SheetGrid(header: header, rows: rows) }

    @Test func openLeadsByDueTimeThenClosedNewestFirstAndTheOfficesRowsStayPut() {
        var grid = Self.grid([
            ["RB-CLOSED-OLD", "Closed - no response", "", "2026-11-16 10:00", ""],
            ["", "", "", "", "office note row"],
            ["RB-LATER", "New missed call", "2026-11-20 17:20", "2026-11-20 16:20", "x"],
            ["RB-OVERDUE", "Staff review", "2026-11-20 09:15", "2026-11-20 08:05", ""],
            ["OFFICE-1", "New missed call", "2026-11-19 08:00", "", "typed by the office"],
            ["RB-BOOKED", "Booked", "", "2026-11-20 11:30", ""],
            ["RB-NO-DUE", "Qualified", "", "2026-11-20 09:00", ""],
            ["RB-OVERDUE", "New missed call", "2026-11-18 08:00", "", "a repeated Lead ID"],
        ])
        let before = grid.rows
        MorningOrder(leadIDs: ["RB-CLOSED-OLD", "RB-LATER", "RB-OVERDUE", "RB-BOOKED", "RB-NO-DUE"]).order(&grid)
        #expect(grid.rows.map { $0[0] } == ["RB-OVERDUE", "", "RB-LATER", "RB-NO-DUE", "OFFICE-1", "RB-BOOKED", "RB-CLOSED-OLD", "RB-OVERDUE"])
        #expect(grid.rows[1] == before[1] && grid.rows[4] == before[4] && grid.rows[7] == before[7], "the office's rows keep their places")
        #expect(grid.rows.sorted { $0.joined() < $1.joined() } == before.sorted { $0.joined() < $1.joined() }, "every row kept, none doubled")
        #expect(grid.rows[2][4] == "x", "a row moves whole, the office's own column with it")
    }

    @Test func timesRewrittenByASpreadsheetStillSortAsTimes() {
        var grid = Self.grid([
            ["RB-B", "New missed call", "11/20/2026 3:05 PM", "", ""],
            ["RB-A", "New missed call", "2026-11-20 09:10:00", "", ""],
        ])
        MorningOrder(leadIDs: ["RB-A", "RB-B"]).order(&grid)
        #expect(grid.rows.map { $0[0] } == ["RB-A", "RB-B"])
    }
}
