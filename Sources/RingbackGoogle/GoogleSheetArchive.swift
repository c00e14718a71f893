import RingbackCore
import RingbackJSON

/// Closed leads' rows leaving the Missed Calls tab for an `Archive` tab of the same spreadsheet:
/// appended below the archive's last row (made with Ringback's header the first time), then removed
/// from the live tab, so the tab Ringback reads every run stays short. Rows already in the archive are
/// the office's: Ringback never reads them back or rewrites them.
extension GoogleSheetTarget {
    package static let archiveTab = "Archive"

    func archive(_ rows: [DesiredRow], live snapshot: GoogleSheetSnapshot) throws(GoogleAPIError) {
        guard !rows.isEmpty else { return }
        let info = try service.spreadsheet(spreadsheetID: spreadsheetID, fields: "sheets.properties(sheetId,title,gridProperties)")
        let sheets = info["sheets"]?.array ?? []
        func properties(_ title: String) -> JSONValue? { sheets.first { $0["properties"]?["title"]?.string == title }?["properties"] }
        var header = SheetColumn.header
        var used = 1
        if let archive = properties(Self.archiveTab), let id = archive["sheetId"]?.int {
            let read = try service.batchGet(
                spreadsheetID: spreadsheetID, ranges: [A1.quoted(sheet: Self.archiveTab) + "!1:1", A1.quoted(sheet: Self.archiveTab) + "!A:A"],
                render: .unformatted)
            header = read.first?.values.first?.map { $0.string ?? "" } ?? header
            used = max(read.last?.values.count ?? 1, 1)
            let rowCount = archive["gridProperties"]?["rowCount"]?.int ?? 0
            if used + rows.count > rowCount {
                _ = try service.batchUpdate(
                    spreadsheetID: spreadsheetID,
                    requests: [
                        [
                            "appendDimension": [
                                "sheetId": .number(Double(id)), "dimension": "ROWS",
                                "length": .number(Double(used + rows.count - rowCount + Self.spareRows)),
                            ]
                        ]
                    ])
            }
        } else {
            let layout = MissedCallsTabLayout(
                title: Self.archiveTab, sheetID: Self.sheetID(for: Self.archiveTab), rowCount: rows.count + Self.spareRows)
            _ = try service.batchUpdate(spreadsheetID: spreadsheetID, requests: Array(layout.requests.prefix(2)))
        }
        let layout = SheetLayout(header: header)
        var data: [SheetsValueRange] = []
        if used == 1 && properties(Self.archiveTab) == nil {
            data.append(
                SheetsValueRange(
                    range: A1.range(sheet: Self.archiveTab, row: 1, column: 0, rows: 1, columns: header.count),
                    values: [header.map(SheetCellText.outgoing)]))
        }
        let values = rows.map { row in
            layout.row(row.cells).enumerated().map { Self.cell($1, column: layout.columnAt[$0], link: row.cells[.transcriptLink]) }
        }
        data.append(
            SheetsValueRange(
                range: A1.range(sheet: Self.archiveTab, row: used + 1, column: 0, rows: values.count, columns: header.count), values: values))
        try service.batchUpdateValues(spreadsheetID: spreadsheetID, data: data)
        try removeLive(rows, snapshot: snapshot, liveID: properties(tab)?["sheetId"]?.int)
    }

    /// Deletes the archived rows from the live tab, bottom first so the row numbers stay true.
    private func removeLive(_ rows: [DesiredRow], snapshot: GoogleSheetSnapshot, liveID: Int?) throws(GoogleAPIError) {
        guard !snapshot.restored, let liveID else { return }
        let numbers = snapshot.rowNumbers
        let doomed = rows.compactMap { numbers[$0.leadID] }.sorted(by: >)
        guard !doomed.isEmpty else { return }
        let requests: [JSONValue] = doomed.map { row in
            [
                "deleteDimension": [
                    "range": [
                        "sheetId": .number(Double(liveID)), "dimension": "ROWS", "startIndex": .number(Double(row - 1)),
                        "endIndex": .number(Double(row)),
                    ]
                ]
            ]
        }
        _ = try service.batchUpdate(spreadsheetID: spreadsheetID, requests: requests)
    }
}
