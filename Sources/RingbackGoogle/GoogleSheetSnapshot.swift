import RingbackCore

/// The Missed Calls tab as read at the start of a run, with the sheet row of every Lead ID,
/// so the run's writes land on the cells the planner looked at.
public struct GoogleSheetSnapshot: Sendable {
    /// False when the tab does not exist yet; applying creates it.
    public var exists: Bool
    /// Row 1 as the office left it (their order, their extra columns); empty on a new or blank tab.
    public var header: [String]
    /// Rows 2…, as text, trailing empty rows trimmed.
    public var rows: [[String]]
    /// The tab's grid size: writes past it need the grid grown first.
    public var gridRows: Int
    public var gridColumns: Int
    /// Rows of each list tab read in the same request, header first.
    public var lists: [String: [[String]]]
    /// The rows were rebuilt from the state (the tab was missing or emptied): applying writes them all back.
    public var restored = false

    public init(exists: Bool, header: [String], rows: [[String]], gridRows: Int, gridColumns: Int, lists: [String: [[String]]] = [:]) {
        self.exists = exists
        self.header = header
        self.rows = rows
        self.gridRows = gridRows
        self.gridColumns = gridColumns
        self.lists = lists
    }

    private var keyIndex: Int? { header.firstIndex(of: SheetColumn.leadID.rawValue) }

    /// The 1-based sheet row of the first row holding each Lead ID.
    public var rowNumbers: [String: Int] {
        guard let keyIndex else { return [:] }
        return SheetContents.firstRows(keyIndex: keyIndex, in: rows).indices.mapValues { $0 + 2 }
    }

    /// Rows keyed by Lead ID for the planner; a repeated ID is reported and only its first row used.
    public var contents: SheetContents {
        guard exists || restored else { return .missing }
        return SheetContents(header: header, rows: rows)
    }
}
