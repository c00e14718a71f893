/// A sheet as a grid of text under a header row, as the CSV file and a Google tab both hold it.
/// Applying a plan keeps the office's column order, extra columns, own rows and row order: Ringback
/// changes only its cells, in the rows it finds by Lead ID, and adds its new rows at the end.
public struct SheetGrid: Sendable, Hashable {
    public private(set) var header: [String]
    public var rows: [[String]]
    public private(set) var layout: SheetLayout

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
        layout = SheetLayout(header: header)
    }

    /// A new sheet: Ringback's header and no rows.
    public static var new: SheetGrid { SheetGrid(header: SheetColumn.header, rows: []) }

    /// The sheet as the last sync left it, office edits, notes and appointments included, for a sheet
    /// that went missing or was emptied. Oldest call first; rows the office deleted stay deleted and
    /// archived rows stay in the archive.
    public static func restored(from remembered: [SyncedRow]) -> SheetGrid {
        let kept = remembered.filter(\.belongsInLiveSheet).sorted {
            ($0.cells.text(.timestamp), $0.leadID) < ($1.cells.text(.timestamp), $1.leadID)
        }
        return SheetGrid(header: SheetColumn.header, rows: kept.map { row in SheetColumn.allCases.map(row.shown) })
    }

    /// The index of the first row holding each Lead ID, and the IDs found on a later row too.
    public func firstRows() -> (indices: [String: Int], duplicates: [String]) {
        guard let keyIndex = layout[.leadID] else { return ([:], []) }
        var indices: [String: Int] = [:]
        var duplicates: [String] = []
        for (index, row) in rows.enumerated() where keyIndex < row.count {
            let id = row[keyIndex].trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else { continue }
            if indices[id] == nil {
                indices[id] = index
            } else if !duplicates.contains(id) {
                duplicates.append(id)
            }
        }
        return (indices, duplicates)
    }

    /// Rows keyed by Lead ID for the planner; a repeated ID is reported and only its first row used.
    public var contents: SheetContents {
        guard layout.contains(.leadID) else { return SheetContents(exists: true) }
        let (indices, duplicates) = firstRows()
        var found: [String: SheetContents.Row] = [:]
        found.reserveCapacity(indices.count)
        for (id, index) in indices {
            found[id] = SheetContents.Row(leadID: id, cells: layout.cells(of: rows[index]))
        }
        return SheetContents(exists: true, rows: found, duplicateIDs: duplicates)
    }

    /// Adds Ringback's columns the header lacks, at the end (for a sheet that is being created).
    public mutating func completeHeader() {
        for column in SheetColumn.allCases where !layout.contains(column) { header.append(column.title) }
        layout = SheetLayout(header: header)
    }

    /// Appends the columns Ringback added since the sheet was made (`SheetColumn.addedLater`) to the
    /// end of the header; true when the header grew.
    @discardableResult
    public mutating func appendAddedColumns() -> Bool {
        let missing = SheetColumn.addedLater.filter { !layout.contains($0) }
        guard !missing.isEmpty, layout.contains(.leadID) else { return false }
        header.append(contentsOf: missing.map(\.title))
        layout = SheetLayout(header: header)
        return true
    }

    /// Updates in place (the first row of an ID only) and appends the new rows; a plan that writes
    /// brings the header up to date first.
    public mutating func apply(_ plan: SheetPlan) {
        if !plan.updates.isEmpty || !plan.creates.isEmpty { appendAddedColumns() }
        let firstRow = firstRows().indices
        for update in plan.updates {
            guard let rowIndex = firstRow[update.leadID] else { continue }
            for change in update.changes {
                guard let index = layout[change.column] else { continue }
                while rows[rowIndex].count <= index { rows[rowIndex].append("") }
                rows[rowIndex][index] = change.new
            }
        }
        for create in plan.creates {
            rows.append(layout.row(create.cells))
        }
        let archived = plan.archives.compactMap { firstRow[$0.leadID] }
        for index in archived.sorted(by: >) { rows.remove(at: index) }
    }
}
