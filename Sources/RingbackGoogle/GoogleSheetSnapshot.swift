import RingbackCore

/// The Missed Calls tab as read at the start of a run, with the sheet row of every Lead ID,
/// so the run's writes land on the cells the planner looked at.
package struct GoogleSheetSnapshot: Sendable {
    /// False when the tab does not exist yet; applying creates it.
    package var exists: Bool
    /// Row 1 as the office left it (their order, their extra columns; empty on a new or blank tab)
    /// and rows 2…, as text, trailing empty rows trimmed.
    package var grid: SheetGrid
    /// The tab's grid size: writes past it need the grid grown first.
    package var gridRows: Int
    package var gridColumns: Int
    /// Rows of each list tab read in the same request, header first.
    package var lists: [String: [[String]]]
    /// The rows were rebuilt from the state (the tab was missing or emptied): applying writes them all back.
    package var restored = false

    package init(exists: Bool, header: [String], rows: [[String]], gridRows: Int, gridColumns: Int, lists: [String: [[String]]] = [:]) {
        self.exists = exists
        grid = SheetGrid(header: header, rows: rows)
        self.gridRows = gridRows
        self.gridColumns = gridColumns
        self.lists = lists
    }

    package var header: [String] { grid.header }
    package var rows: [[String]] { grid.rows }

    /// The 1-based sheet row of the first row holding each Lead ID.
    package var rowNumbers: [String: Int] { grid.firstRows().indices.mapValues { $0 + 2 } }

    /// Rows keyed by Lead ID for the planner; a repeated ID is reported and only its first row used.
    package var contents: SheetContents {
        guard exists || restored else { return .missing }
        return grid.contents
    }
}
