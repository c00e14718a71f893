/// What a sheet target holds right now, as read before planning: rows keyed by Lead ID.
public struct SheetContents: Sendable, Hashable {
    /// One row as found, whatever its position; only the columns the sheet has are present.
    public struct Row: Sendable, Hashable {
        public var leadID: String
        public var cells: SheetCells
        public init(leadID: String, cells: SheetCells) {
            self.leadID = leadID
            self.cells = cells
        }
    }

    /// False when the tab or file does not exist yet.
    public var exists: Bool
    public var rows: [String: Row]
    /// Lead IDs found on more than one row; only the first is used, none is multiplied.
    public var duplicateIDs: [String]

    public init(exists: Bool, rows: [String: Row] = [:], duplicateIDs: [String] = []) {
        self.exists = exists
        self.rows = rows
        self.duplicateIDs = duplicateIDs
    }

    public static let missing = SheetContents(exists: false)
}
