import Foundation
import RingbackCore
import RingbackOffline

/// The Missed Calls workbook as the office left it: their column order, extra columns, own rows and row
/// order are kept (through `SheetGrid`, as for the CSV); Ringback changes only its cells in rows it finds
/// by Lead ID, and writes the sheet back as text cells.
package struct XLSXSheetDocument: SheetFile {
    package var grid: SheetGrid
    package var exists: Bool
    /// Rebuilt from the state because the file went missing: written out even with no change planned.
    package var restored = false

    package static func empty() -> XLSXSheetDocument {
        XLSXSheetDocument(grid: .new, exists: false)
    }

    /// The sheet as the last sync left it, for when the file was deleted or emptied.
    package static func restored(from remembered: [SyncedRow]) -> XLSXSheetDocument {
        var document = XLSXSheetDocument(grid: .restored(from: remembered), exists: true)
        document.restored = true
        return document
    }

    /// Reads the first sheet of the workbook at `path`; a file that is no readable workbook, or a sheet
    /// without its Lead ID column, is an error naming the file and what was wrong.
    package static func parse(_ bytes: [UInt8], path: String) throws(OfflineTargetError) -> XLSXSheetDocument {
        let found: [[String]]
        do {
            found = try XLSXWorkbookReader(package: try XLSXPackage(unzipping: bytes)).rows()
        } catch {
            throw OfflineTargetError(path: path, message: error.message)
        }
        guard let first = found.first else { return XLSXSheetDocument(grid: .new, exists: true) }
        let header = first.map { $0.trimmingCharacters(in: .whitespaces) }
        let grid = SheetGrid(header: header, rows: Array(found.dropFirst()))
        guard grid.layout.contains(.leadID) else {
            throw OfflineTargetError(
                path: path,
                message:
                    "row 1 of the first sheet: no `\(SheetColumn.leadID.title)` column in the header; Ringback finds its rows by it. Restore the column or move the file away to start a new sheet"
            )
        }
        return XLSXSheetDocument(grid: grid, exists: true)
    }

    /// The workbook file's bytes.
    package func bytes(path: String) throws(OfflineTargetError) -> [UInt8] {
        let writer = XLSXWorkbookWriter(sheetName: SheetColumn.tabName, header: header, rows: rows)
        do {
            return try writer.package().zipped()
        } catch {
            throw OfflineTargetError(path: path, message: error.message)
        }
    }
}
