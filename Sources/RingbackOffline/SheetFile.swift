import RingbackCore

/// A sheet kept as one file that Ringback rewrites whole (the CSV, the xlsx workbook): the office's
/// column order, extra columns, own rows and row order live in its `grid`, and the planner's rows and
/// plans go through the same grid whatever the format.
package protocol SheetFile: Sendable {
    var grid: SheetGrid { get set }
    var exists: Bool { get set }
    /// Rebuilt from the state because the file went missing: written out even with no change planned.
    var restored: Bool { get }
    /// The file's bytes; an error names `path`.
    func bytes(path: String) throws(OfflineTargetError) -> [UInt8]
}

extension SheetFile {
    package var header: [String] { grid.header }
    package var rows: [[String]] { grid.rows }

    /// Rows keyed by Lead ID for the planner; a repeated ID is reported and only its first row used.
    package var contents: SheetContents {
        guard exists else { return .missing }
        return grid.contents
    }

    /// Applies a sheet plan: updates in place (first row of an ID only), new rows appended.
    package mutating func apply(_ plan: SheetPlan) {
        if !exists { grid.completeHeader() }
        grid.apply(plan)
        exists = true
    }
}
