/// The sheet as the last sync left it, office edits, notes and appointments included, for a sheet that
/// went missing or was emptied: the office's work comes back instead of a sheet of fresh rows.
public enum RestoredSheetRows {
    /// Rows in the new-sheet column order, oldest call first; rows the office deleted stay deleted.
    public static func rows(from remembered: [SyncedRow]) -> [[String]] {
        let kept = remembered.filter { !$0.deletedByOffice }.sorted {
            ($0.cells[SheetColumn.timestamp.rawValue] ?? "", $0.leadID) < ($1.cells[SheetColumn.timestamp.rawValue] ?? "", $1.leadID)
        }
        return kept.map { row in
            SheetColumn.header.map { column in row.pins[column] ?? row.cells[column] ?? "" }
        }
    }
}
