/// One sheet row as the last successful run left it: the planner's common ancestor.
public struct SyncedRow: Codable, Sendable, Hashable {
    public var leadID: String
    /// Column name → the value Ringback last wrote or adopted.
    public var cells: [String: String]
    /// Column name → the office's value; Ringback no longer changes these cells.
    public var pins: [String: String]
    /// The office removed the row; it is not re-created.
    public var deletedByOffice: Bool

    public init(leadID: String, cells: [String: String], pins: [String: String] = [:], deletedByOffice: Bool = false) {
        self.leadID = leadID
        self.cells = cells
        self.pins = pins
        self.deletedByOffice = deletedByOffice
    }
}
