import Foundation
import RingbackCore
import RingbackJSON

/// The office's Google Sheet: one values read per run (the Missed Calls tab and any list tabs together),
/// and every change of the run in one batched RAW write, so nothing a caller said can become a formula.
/// Rows are found by Lead ID wherever the office moved them; new rows go below the last row in use.
package struct GoogleSheetTarget: Sendable {
    package let service: any SheetsService
    package let spreadsheetID: String
    package let tab: String
    /// Lists the config reads from other tabs of the same spreadsheet, read in the same request.
    package let listTabs: [ListKind: String]

    /// New tabs and grown grids get this many spare rows, so a growing sheet rarely needs another request.
    package static let spareRows = 1_000
    /// Requests stay well under Google's 10 MB body limit.
    static let maxBatchBytes = 6_000_000

    package init(service: any SheetsService, spreadsheetID: String, tab: String = SheetColumn.tabName, listTabs: [ListKind: String] = [:]) {
        self.service = service
        self.spreadsheetID = spreadsheetID
        self.tab = tab
        self.listTabs = listTabs
    }

    /// The name the state store and the plan use for this target.
    package var label: String { "google-sheet:\(spreadsheetID)/\(tab)" }

    private func failure(_ error: GoogleAPIError) -> GoogleTargetError { GoogleTargetError(target: label, error) }

    /// Reads the tab and the list tabs in one `values:batchGet`, unformatted so typed dates come back exactly.
    /// A missing Missed Calls tab is not an error (the first run creates it); a missing list tab is.
    package func load(listTabs: [String] = []) throws(GoogleTargetError) -> GoogleSheetSnapshot {
        let ranges = ([tab] + listTabs).map { A1.quoted(sheet: $0) }
        do {
            let read = try service.batchGet(spreadsheetID: spreadsheetID, ranges: ranges, render: .unformatted)
            guard read.count == ranges.count else {
                throw GoogleTargetError(target: label, message: "asked for \(ranges.count) ranges, Google returned \(read.count)")
            }
            var snapshot = snapshot(of: read[0])
            for (name, range) in zip(listTabs, read.dropFirst()) {
                snapshot.lists[name] = range.values.map { $0.map { SheetCellText.text($0, isTime: false) } }
            }
            return snapshot
        } catch let error as GoogleTargetError {
            throw error
        } catch let error as GoogleAPIError {
            guard Self.isMissingRange(error) else { throw failure(error) }
            return try loadWithoutTab(listTabs: listTabs, original: error)
        } catch {
            throw GoogleTargetError(target: label, message: "\(error)")
        }
    }

    /// The tab is missing (Google refuses the whole read); the lists are read on their own to tell which.
    private func loadWithoutTab(listTabs: [String], original: GoogleAPIError) throws(GoogleTargetError) -> GoogleSheetSnapshot {
        var snapshot = GoogleSheetSnapshot(exists: false, header: [], rows: [], gridRows: 0, gridColumns: 0)
        guard !listTabs.isEmpty else { return snapshot }
        do {
            let read = try service.batchGet(spreadsheetID: spreadsheetID, ranges: listTabs.map { A1.quoted(sheet: $0) }, render: .unformatted)
            for (name, range) in zip(listTabs, read) {
                snapshot.lists[name] = range.values.map { $0.map { SheetCellText.text($0, isTime: false) } }
            }
        } catch {
            if Self.isMissingRange(error) {
                throw GoogleTargetError(
                    target: label,
                    message:
                        "a list tab named in the config is missing from the spreadsheet (\(error.message)); expected tabs: \(listTabs.joined(separator: ", "))",
                    api: error)
            }
            throw failure(error)
        }
        return snapshot
    }

    static func isMissingRange(_ error: GoogleAPIError) -> Bool {
        error.status == 400 && error.message.contains("Unable to parse range")
    }

    private func snapshot(of range: SheetsValueRange) -> GoogleSheetSnapshot {
        let bounds = A1Range.parse(range.range)
        let gridRows = bounds?.endRow ?? 0
        let gridColumns = (bounds?.endColumn).map { $0 + 1 } ?? 0
        guard let first = range.values.first else {
            return GoogleSheetSnapshot(exists: true, header: [], rows: [], gridRows: gridRows, gridColumns: gridColumns)
        }
        let header = first.map { SheetCellText.text($0, isTime: false).trimmingCharacters(in: .whitespaces) }
        let timeColumns = Set(header.indices.filter { SheetColumn(title: header[$0])?.isTime ?? false })
        let rows = range.values.dropFirst().map { row in
            row.enumerated().map { SheetCellText.text($1, isTime: timeColumns.contains($0)) }
        }
        return GoogleSheetSnapshot(exists: true, header: header, rows: Array(rows), gridRows: gridRows, gridColumns: gridColumns)
    }

    /// The tab as the last sync left it, for a tab that is missing or empty while the state remembers rows.
    package func restored(_ snapshot: GoogleSheetSnapshot, from remembered: [SyncedRow]) -> GoogleSheetSnapshot {
        var restored = snapshot
        restored.grid = .restored(from: remembered)
        restored.restored = true
        return restored
    }

    /// Checks what the planner relies on before anything is written.
    package func validate(_ snapshot: GoogleSheetSnapshot) throws(GoogleTargetError) {
        guard snapshot.exists, !snapshot.restored else { return }
        if snapshot.header.allSatisfy(\.isEmpty) && !snapshot.rows.isEmpty {
            throw GoogleTargetError(
                target: label,
                message:
                    "row 1 is empty but \(snapshot.rows.count) rows below it hold data; Ringback reads its column names from row 1. Put the header back (undo in the browser, or copy it from another sheet) and run again"
            )
        }
        guard !snapshot.header.isEmpty else { return }
        guard snapshot.grid.layout.contains(.leadID) else {
            throw GoogleTargetError(
                target: label,
                message:
                    "row 1 has no `\(SheetColumn.leadID.title)` column (found: \(snapshot.header.filter { !$0.isEmpty }.joined(separator: ", "))); Ringback finds its rows by it. Restore the column, or rename the tab to start a new one"
            )
        }
    }

    /// What applying the plan sends, in order; empty when nothing changes. Pure, so tests can read it.
    package func writes(for plan: SheetPlan, snapshot: GoogleSheetSnapshot) -> [SheetsValueRange] {
        if snapshot.restored { return restoringWrites(for: plan, snapshot: snapshot) }
        var grid = snapshot.header.isEmpty ? SheetGrid.new : snapshot.grid
        let writesHeader = snapshot.header.isEmpty && (plan.writesTarget || !snapshot.exists)
        var data: [SheetsValueRange] = []
        if writesHeader {
            data.append(
                SheetsValueRange(
                    range: A1.range(sheet: tab, row: 1, column: 0, rows: 1, columns: grid.header.count),
                    values: [grid.header.map(SheetCellText.outgoing)]))
        } else if plan.writesTarget {
            let width = grid.header.count
            if grid.appendAddedColumns() {
                let added = Array(grid.header[width...])
                data.append(
                    SheetsValueRange(
                        range: A1.range(sheet: tab, row: 1, column: width, rows: 1, columns: added.count),
                        values: [added.map(SheetCellText.outgoing)]))
            }
        }
        let header = grid.header
        let rowNumbers = snapshot.rowNumbers
        let linkColumn = grid.layout[.transcriptLink]
        for update in plan.updates {
            guard let row = rowNumbers[update.leadID] else { continue }
            let changes = update.changes.compactMap { change in grid.layout[change.column].map { ($0, change.new) } }
            guard let low = changes.map(\.0).min(), let high = changes.map(\.0).max() else { continue }
            let link =
                update.changes.first { $0.column == .transcriptLink }?.new
                ?? linkColumn.flatMap { column in snapshot.rows[row - 2].indices.contains(column) ? snapshot.rows[row - 2][column] : nil }
            var cells = [JSONValue](repeating: .null, count: high - low + 1)
            for (index, value) in changes { cells[index - low] = Self.cell(value, column: grid.layout.columnAt[index], link: link) }
            data.append(SheetsValueRange(range: A1.range(sheet: tab, row: row, column: low, rows: 1, columns: cells.count), values: [cells]))
        }
        if !plan.creates.isEmpty {
            let first = snapshot.rows.count + 2
            let values = plan.creates.map { create in
                grid.layout.columnAt.map { column in
                    column.flatMap { create.cells[$0] }.map { Self.cell($0, column: column, link: create.cells[.transcriptLink]) } ?? .null
                }
            }
            data.append(
                SheetsValueRange(range: A1.range(sheet: tab, row: first, column: 0, rows: values.count, columns: header.count), values: values))
        }
        return data
    }

    /// A restored tab is written whole: header, the remembered rows with the plan's changes, then new rows.
    private func restoringWrites(for plan: SheetPlan, snapshot: GoogleSheetSnapshot) -> [SheetsValueRange] {
        var grid = snapshot.grid
        grid.apply(plan)
        let values = [grid.header] + grid.rows
        let linkColumn = grid.layout[.transcriptLink]
        return [
            SheetsValueRange(
                range: A1.range(sheet: tab, row: 1, column: 0, rows: values.count, columns: grid.header.count),
                values: values.map { row in
                    let link = linkColumn.flatMap { row.indices.contains($0) ? row[$0] : nil }
                    return row.enumerated().map { Self.cell($1, column: grid.layout.columnAt[$0], link: link) }
                })
        ]
    }

    /// A cell as written: cut to Google's limit when it is longer. The marker sends the reader to the row's
    /// transcript link for what was said (the summary), and to the phone system's export for anything else.
    static func cell(_ text: String, column: SheetColumn?, link: String?) -> JSONValue {
        let hasLink = !(link ?? "").isEmpty && column == .summary
        return SheetCellText.outgoing(SheetCellLimit.fitted(text, fullTextIn: hasLink ? SheetCellLimit.transcriptLink : SheetCellLimit.export))
    }

    /// The rows as read, with each cell that is the cut form of what Ringback last wrote there read as the full
    /// text it stands for, so a cut transcript is not taken for an office edit on the next run.
    func uncut(_ snapshot: GoogleSheetSnapshot, remembered: TargetState) -> GoogleSheetSnapshot {
        guard let keyColumn = snapshot.grid.layout[.leadID] else { return snapshot }
        let columns = SheetColumn.allCases.compactMap { column in snapshot.grid.layout[column].map { (column, $0) } }
        var result = snapshot
        for (r, row) in snapshot.rows.enumerated() where keyColumn < row.count {
            guard let known = remembered.rows[row[keyColumn].trimmingCharacters(in: .whitespaces)] else { continue }
            for (column, index) in columns where index < row.count {
                guard row[index].hasSuffix("]"),
                    let full = known.cells[column], SheetCellLimit.isCut(row[index], of: full)
                else { continue }
                result.grid.rows[r][index] = full
            }
        }
        return result
    }

    /// The last sheet row the plan writes.
    func lastRow(for plan: SheetPlan, snapshot: GoogleSheetSnapshot) -> Int {
        max(snapshot.rows.count + 1 + plan.creates.count, 1)
    }

    /// Creates the tab when missing, grows the grid when the new rows pass its end, then writes.
    package func apply(_ plan: SheetPlan, snapshot: GoogleSheetSnapshot) throws(GoogleTargetError) {
        var data = writes(for: plan, snapshot: snapshot)
        guard !data.isEmpty || !snapshot.exists || !plan.archives.isEmpty else { return }
        var snapshot = snapshot
        if snapshot.exists && !snapshot.restored && !snapshot.header.isEmpty {
            snapshot = try positionsNow(for: snapshot)
            data = writes(for: plan, snapshot: snapshot)
        }
        let lastRow = lastRow(for: plan, snapshot: snapshot)
        do {
            if !snapshot.exists {
                let layout = MissedCallsTabLayout(title: tab, sheetID: Self.sheetID(for: tab), rowCount: lastRow + Self.spareRows)
                _ = try service.batchUpdate(spreadsheetID: spreadsheetID, requests: layout.requests)
            } else {
                if lastRow > snapshot.gridRows { try grow(.rows, to: lastRow + Self.spareRows, from: snapshot.gridRows) }
                var grid = snapshot.grid
                if plan.writesTarget && grid.appendAddedColumns() && grid.header.count > snapshot.gridColumns {
                    try grow(.columns, to: grid.header.count, from: snapshot.gridColumns)
                }
            }
            for chunk in Self.chunks(data) {
                try service.batchUpdateValues(spreadsheetID: spreadsheetID, data: chunk)
            }
            try archive(plan.archives, live: snapshot)
        } catch {
            throw failure(error)
        }
    }

    /// The tab read again just before writing, so rows the office sorted, inserted or deleted since the
    /// run's first read are written where they are now. Columns changed meanwhile stop the run unwritten.
    private func positionsNow(for snapshot: GoogleSheetSnapshot) throws(GoogleTargetError) -> GoogleSheetSnapshot {
        var fresh = try load()
        guard fresh.exists, fresh.header == snapshot.header else {
            throw GoogleTargetError(
                target: label,
                message:
                    "the tab's columns changed while Ringback was running; nothing was written. The next run starts again from the sheet as it is then"
            )
        }
        fresh.lists = snapshot.lists
        return fresh
    }

    /// Grows the tab's grid to `length` rows or columns, unless Google says it already has them.
    private func grow(_ dimension: GridDimension, to length: Int, from current: Int) throws(GoogleAPIError) {
        let info = try service.spreadsheet(spreadsheetID: spreadsheetID, fields: "sheets.properties(sheetId,title,gridProperties)")
        let sheet = info["sheets"]?.array?.first { $0["properties"]?["title"]?.string == tab }
        guard let sheetID = sheet?["properties"]?["sheetId"]?.int else {
            throw GoogleAPIError(
                kind: .badResponse, message: "the tab `\(tab)` was not in the spreadsheet's properties",
                operation: "sheets spreadsheets.get \(spreadsheetID)")
        }
        let current = sheet?["properties"]?["gridProperties"]?[dimension.countField]?.int ?? current
        guard length > current else { return }
        _ = try service.batchUpdate(
            spreadsheetID: spreadsheetID,
            requests: [
                [
                    "appendDimension": [
                        "sheetId": .number(Double(sheetID)), "dimension": .string(dimension.rawValue), "length": .number(Double(length - current)),
                    ]
                ]
            ])
    }

    /// A direction the grid grows in, with Google's names for it.
    enum GridDimension: String {
        case rows = "ROWS"
        case columns = "COLUMNS"

        var countField: String { self == .rows ? "rowCount" : "columnCount" }
    }

    /// A stable id for a tab Ringback adds, so the layout requests can name it in the same batch.
    static func sheetID(for title: String) -> Int {
        Int(StableHash.mixed(title) % 1_000_000_000) + 1_000
    }

    /// Splits a very large write into requests under the body limit; usually one.
    static func chunks(_ data: [SheetsValueRange]) -> [[SheetsValueRange]] {
        var chunks: [[SheetsValueRange]] = []
        var current: [SheetsValueRange] = []
        var size = 0
        for range in data {
            let estimate = 64 + range.range.utf8.count + JSONValue.array(range.values.map(JSONValue.array)).bytes().count
            if !current.isEmpty && size + estimate > maxBatchBytes {
                chunks.append(current)
                current = []
                size = 0
            }
            if estimate > maxBatchBytes, range.values.count > 1, let bounds = A1Range.parse(range.range) {
                let half = range.values.count / 2
                let columns = range.values.map(\.count).max() ?? 1
                let top = SheetsValueRange(
                    range: A1.range(sheet: bounds.sheet, row: bounds.startRow, column: bounds.startColumn, rows: half, columns: columns),
                    values: Array(range.values[..<half]))
                let bottom = SheetsValueRange(
                    range: A1.range(
                        sheet: bounds.sheet, row: bounds.startRow + half, column: bounds.startColumn, rows: range.values.count - half,
                        columns: columns), values: Array(range.values[half...]))
                chunks.append(contentsOf: Self.chunks([top, bottom]))
                continue
            }
            current.append(range)
            size += estimate
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }
}
