import Foundation
import RingbackCodecs
import RingbackCore

/// The Missed Calls CSV as the office left it: their column order, extra columns, own rows and row order
/// are all kept; Ringback changes only its cells in rows it finds by Lead ID.
package struct CSVSheetDocument: SheetFile {
    package var grid: SheetGrid
    package var delimiter: UInt8
    package var exists: Bool
    /// Rebuilt from the state because the file went missing: written out even with no change planned.
    package var restored = false
    /// Phone numbers written `(512) 555-0142` instead of behind an apostrophe (a North American business).
    package var nationalPhones = false

    package static func empty() -> CSVSheetDocument {
        CSVSheetDocument(grid: .new, delimiter: UInt8(ascii: ","), exists: false)
    }

    /// The sheet as the last sync left it, for when the file was deleted or emptied.
    package static func restored(from remembered: [SyncedRow]) -> CSVSheetDocument {
        var document = CSVSheetDocument(grid: .restored(from: remembered), delimiter: UInt8(ascii: ","), exists: true)
        document.restored = true
        return document
    }

    /// Parses the file's bytes; the cells are read back through the spreadsheet protection.
    package static func parse(_ bytes: [UInt8], path: String, nationalPhones: Bool = false) throws(OfflineTargetError) -> CSVSheetDocument {
        let delimiter = CSVReader.sniffDelimiter(bytes.prefix(4096))
        let (records, _) = CSVReader(bytes: bytes, delimiter: delimiter).readAll()
        guard let first = records.first else { return CSVSheetDocument(grid: .new, delimiter: delimiter, exists: true) }
        var header = first.fields.map { SpreadsheetText.unprotect($0).trimmingCharacters(in: .whitespaces) }
        // A byte-order mark a program read as text ("\u{FEFF}" or, decoded as Latin-1, "ï»¿").
        for mark in ["\u{FEFF}", "ï»¿"] where header.first?.hasPrefix(mark) == true {
            header[0] = String(header[0].dropFirst(mark.count))
        }
        var grid = SheetGrid(header: header, rows: records.dropFirst().map { $0.fields.map(SpreadsheetText.unprotect) })
        if nationalPhones, let phone = grid.layout[.phone] {
            for index in grid.rows.indices where phone < grid.rows[index].count {
                if let number = CSVPhoneCell.e164(grid.rows[index][phone]) { grid.rows[index][phone] = number }
            }
        }
        guard grid.layout.contains(.leadID) else {
            throw OfflineTargetError(
                path: path,
                message:
                    "line \(first.line): no `\(SheetColumn.leadID.title)` column in the header; Ringback finds its rows by it. Restore the column or move the file away to start a new sheet"
            )
        }
        var document = CSVSheetDocument(grid: grid, delimiter: delimiter, exists: true)
        document.nationalPhones = nationalPhones
        return document
    }

    package func bytes(path: String) -> [UInt8] { bytes() }

    /// The file's bytes: every cell protected so no spreadsheet program runs it as a formula.
    package func bytes() -> [UInt8] {
        let writer = CSVWriter(delimiter: delimiter, includesByteOrderMark: true, lineSafe: true)
        let width = header.count
        var all: [[String]] = [header.map(SpreadsheetText.protect)]
        all.reserveCapacity(rows.count + 1)
        let phone = nationalPhones ? grid.layout[.phone] : nil
        for row in rows {
            var padded = row.map(SpreadsheetText.protect)
            if let phone, phone < row.count, let shown = CSVPhoneCell.display(row[phone]) { padded[phone] = shown }
            if padded.count < width { padded.append(contentsOf: repeatElement("", count: width - padded.count)) }
            all.append(padded)
        }
        return writer.bytes(all)
    }
}
