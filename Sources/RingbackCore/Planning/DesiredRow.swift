import Foundation

/// A row as Ringback wants it, before office pins are applied: every column present.
public struct DesiredRow: Sendable, Hashable {
    public var leadID: String
    public var cells: SheetCells
    /// Kept in the state with the row: when the office reopened the lead (see `SyncedRow`).
    public var reopenedAt: Date?

    public init(leadID: String, cells: SheetCells, reopenedAt: Date? = nil) {
        self.leadID = leadID
        self.cells = cells
        self.reopenedAt = reopenedAt
    }
}
