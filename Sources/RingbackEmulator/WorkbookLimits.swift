/// Google's limits on what a workbook holds, with the words Google refuses them in: a cell holds at most
/// 50,000 characters (counted as UTF-16 units, as Sheets counts them) and a workbook at most 10,000,000 cells.
/// Either refusal is a 400 for the whole request; nothing of it is written.
enum WorkbookLimits {
    static let maxCellCharacters = 50_000
    static let maxCells = 10_000_000

    static let cellTooLong = "Your input contains more than the maximum of \(maxCellCharacters) characters in a single cell."
    static let tooManyCells = "This action would increase the number of cells in the workbook above the limit of \(maxCells) cells."

    static func isTooLong(_ text: String) -> Bool { text.utf16.count > maxCellCharacters }
}

extension Spreadsheet {
    /// Cells in the grids of every tab, filled or not, as Google counts them against the workbook limit.
    var gridCells: Int { sheets.reduce(0) { $0 + $1.properties.rowCount * $1.properties.columnCount } }

    var exceedsCellLimit: Bool { gridCells > WorkbookLimits.maxCells }
}
