import Foundation
import RingbackCore
import RingbackJSON

/// Closed leads' rows leaving the Missed Calls tab for an `Archive` tab of the same spreadsheet:
/// appended below the archive's last row (made with Ringback's header the first time), then removed
/// from the live tab, so the tab Ringback reads every run stays short. Rows already in the archive are
/// the office's: Ringback never reads them back or rewrites them, with one exception: a Lead ID the
/// archive already holds (a run that stopped after archiving, before the live rows were removed or the
/// state recorded, archives the same rows again) is not appended twice; its archive row takes the live
/// row's values, the newest the office saw.
///
/// The archive is found by its title. An office that renames it (`Archive 2025`) keeps that tab as it is,
/// and the next archived rows start a new `Archive` tab, as the status tab does; the new tab gets an id
/// no tab holds, so the renamed one (which keeps its id) is never in the way.
extension GoogleSheetTarget {
    package static let archiveTab = "Archive"

    func archive(_ rows: [DesiredRow], live snapshot: GoogleSheetSnapshot) throws(GoogleAPIError) {
        guard !rows.isEmpty else { return }
        let info = try service.spreadsheet(spreadsheetID: spreadsheetID, fields: "sheets.properties(sheetId,title,gridProperties)")
        let sheets = info["sheets"]?.array ?? []
        func properties(_ title: String) -> JSONValue? { sheets.first { $0["properties"]?["title"]?.string == title }?["properties"] }
        let found: ArchiveTabContents
        if let archive = properties(Self.archiveTab), let id = archive["sheetId"]?.int {
            found = try readArchive(sheetID: id, properties: archive, adding: rows)
        } else {
            try addArchiveTab(taken: Set(sheets.compactMap { $0["properties"]?["sheetId"]?.int }), rows: rows.count)
            found = ArchiveTabContents(header: SheetColumn.header, used: 1, archivedAt: [:], isNew: true)
        }
        try write(rows, into: found)
        try removeLive(rows, snapshot: snapshot, liveID: properties(tab)?["sheetId"]?.int)
    }

    /// What the Archive tab holds: its header, the rows used, and the row of each Lead ID already there.
    private struct ArchiveTabContents {
        var header: [String]
        var used: Int
        var archivedAt: [String: Int]
        var isNew: Bool
    }

    /// Reads the archive's header and Lead IDs, and grows its grid for the rows about to be appended.
    private func readArchive(
        sheetID id: Int, properties archive: JSONValue, adding rows: [DesiredRow]
    ) throws(GoogleAPIError)
        -> ArchiveTabContents
    {
        let quoted = A1.quoted(sheet: Self.archiveTab)
        let read = try service.batchGet(spreadsheetID: spreadsheetID, ranges: [quoted + "!1:1", quoted + "!A:A"], render: .unformatted)
        let header = read.first?.values.first?.map { $0.string ?? "" } ?? SheetColumn.header
        var used = max(read.last?.values.count ?? 1, 1)
        var ids = read.last?.values ?? []
        if let key = SheetLayout(header: header)[.leadID], key != 0 {
            let letters = A1.columnLetters(key)
            ids =
                try service.batchGet(spreadsheetID: spreadsheetID, ranges: ["\(quoted)!\(letters):\(letters)"], render: .unformatted).first?
                .values ?? []
            used = max(used, ids.count)
        }
        var archivedAt: [String: Int] = [:]
        for (index, value) in ids.enumerated().dropFirst() {
            let text = (value.first?.string ?? "").trimmingCharacters(in: .whitespaces)
            if !text.isEmpty && archivedAt[text] == nil { archivedAt[text] = index + 1 }
        }
        let appended = rows.filter { archivedAt[$0.leadID] == nil }.count
        let rowCount = archive["gridProperties"]?["rowCount"]?.int ?? 0
        if used + appended > rowCount {
            _ = try service.batchUpdate(
                spreadsheetID: spreadsheetID,
                requests: [
                    [
                        "appendDimension": [
                            "sheetId": .number(Double(id)), "dimension": "ROWS",
                            "length": .number(Double(used + appended - rowCount + Self.spareRows)),
                        ]
                    ]
                ])
        }
        return ArchiveTabContents(header: header, used: used, archivedAt: archivedAt, isNew: false)
    }

    /// A new Archive tab, with an id no tab holds.
    private func addArchiveTab(taken: Set<Int>, rows: Int) throws(GoogleAPIError) {
        var sheetID = Self.sheetID(for: Self.archiveTab)
        while taken.contains(sheetID) { sheetID += 1 }
        let layout = MissedCallsTabLayout(title: Self.archiveTab, sheetID: sheetID, rowCount: rows + Self.spareRows)
        _ = try service.batchUpdate(spreadsheetID: spreadsheetID, requests: Array(layout.requests.prefix(2)))
    }

    /// Appends the rows below the archive's last, or overwrites the row of a Lead ID already there.
    private func write(_ rows: [DesiredRow], into found: ArchiveTabContents) throws(GoogleAPIError) {
        let header = found.header
        let layout = SheetLayout(header: header)
        var data: [SheetsValueRange] = []
        if found.isNew {
            data.append(
                SheetsValueRange(
                    range: A1.range(sheet: Self.archiveTab, row: 1, column: 0, rows: 1, columns: header.count),
                    values: [header.map(SheetCellText.outgoing)]))
        }
        func values(_ row: DesiredRow) -> [JSONValue] {
            layout.row(row.cells).enumerated().map { Self.cell($1, column: layout.columnAt[$0], link: row.cells[.transcriptLink]) }
        }
        var appended: [[JSONValue]] = []
        for row in rows {
            if let at = found.archivedAt[row.leadID] {
                data.append(
                    SheetsValueRange(
                        range: A1.range(sheet: Self.archiveTab, row: at, column: 0, rows: 1, columns: header.count), values: [values(row)]))
            } else {
                appended.append(values(row))
            }
        }
        if !appended.isEmpty {
            data.append(
                SheetsValueRange(
                    range: A1.range(sheet: Self.archiveTab, row: found.used + 1, column: 0, rows: appended.count, columns: header.count),
                    values: appended))
        }
        try service.batchUpdateValues(spreadsheetID: spreadsheetID, data: data)
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
