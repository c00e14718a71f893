import RingbackCore

/// The Missed Calls tab as read at the start of a run, with the sheet row of every Lead ID,
/// so the run's writes land on the cells the planner looked at.
public struct GoogleSheetSnapshot: Sendable {
    /// False when the tab does not exist yet; applying creates it.
    public var exists: Bool
    /// Row 1 as the office left it (their order, their extra columns; empty on a new or blank tab)
    /// and rows 2…, as text, trailing empty rows trimmed.
    public var grid: SheetGrid
    /// The tab's grid size: writes past it need the grid grown first.
    public var gridRows: Int
    public var gridColumns: Int
    /// Rows of each list tab read in the same request, header first.
    public var lists: [String: [[String]]]
    /// The rows were rebuilt from the state (the tab was missing or emptied): applying writes them all back.
    public var restored = false

    public init(exists: Bool, header: [String], rows: [[String]], gridRows: Int, gridColumns: Int, lists: [String: [[String]]] = [:]) {
        self.exists = exists
        grid = SheetGrid(header: header, rows: rows)
        self.gridRows = gridRows
        self.gridColumns = gridColumns
        self.lists = lists
    }

    public var header: [String] { grid.header }
    public var rows: [[String]] { grid.rows }

    /// The 1-based sheet row of the first row holding each Lead ID.
    public var rowNumbers: [String: Int] { grid.firstRows().indices.mapValues { $0 + 2 } }

    /// Rows keyed by Lead ID for the planner; a repeated ID is reported and only its first row used.
    public var contents: SheetContents {
        guard exists || restored else { return .missing }
        return grid.contents
    }
}
