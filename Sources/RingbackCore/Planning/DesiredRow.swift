/// A row as Ringback wants it, before office pins are applied: every column present.
public struct DesiredRow: Sendable, Hashable {
    public var leadID: String
    public var cells: SheetCells

    public init(leadID: String, cells: SheetCells) {
        self.leadID = leadID
        self.cells = cells
    }
}
