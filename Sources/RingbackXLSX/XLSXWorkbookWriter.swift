import Foundation
import RingbackCodecs

/// A one-sheet workbook of text cells: every cell an inline string under the text number format (`@`),
/// so neither Excel nor LibreOffice turns a phone number, a date or `=1+2` into anything else. The
/// header row is bold and frozen; every column, blank cells included, keeps the text format for what the
/// office types.
struct XLSXWorkbookWriter {
    var sheetName: String
    var header: [String]
    var rows: [[String]]

    func package() -> XLSXPackage {
        XLSXPackage(parts: [
            "[Content_Types].xml": Array(XLSXStaticParts.contentTypes.utf8),
            "_rels/.rels": Array(XLSXStaticParts.packageRelationships.utf8),
            "xl/workbook.xml": Array(workbook().utf8),
            "xl/_rels/workbook.xml.rels": Array(XLSXStaticParts.workbookRelationships.utf8),
            "xl/styles.xml": Array(XLSXStaticParts.styles.utf8),
            "xl/worksheets/sheet1.xml": Array(worksheet().utf8),
        ])
    }

    private func workbook() -> String {
        XLSXStaticParts.declaration
            + "<workbook xmlns=\"\(XLSXStaticParts.mainNamespace)\" xmlns:r=\"\(XLSXStaticParts.relationshipNamespace)\">"
            + "<sheets><sheet name=\"\(Self.escape(sheetName))\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
    }

    private var width: Int { max(header.count, rows.map(\.count).max() ?? 0, 1) }

    private func worksheet() -> String {
        let lastCell = XLSXCellReference(column: width, row: rows.count + 1).text
        var xml = XLSXStaticParts.declaration + "<worksheet xmlns=\"\(XLSXStaticParts.mainNamespace)\">"
        xml += "<dimension ref=\"A1:\(lastCell)\"/>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\">"
        xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        xml += columns()
        xml += "<sheetData>"
        xml += row(header, number: 1, style: XLSXStaticParts.headerStyle)
        for (index, cells) in rows.enumerated() { xml += row(cells, number: index + 2, style: XLSXStaticParts.textStyle) }
        xml += "</sheetData></worksheet>"
        return xml
    }

    /// Widths from the longest line in each column (header included), between 8 and 60 characters;
    /// the text format on the whole column, for the rows the office adds.
    private func columns() -> String {
        var longest = [Int](repeating: 0, count: width)
        for cells in [header] + rows {
            for (index, cell) in cells.enumerated() {
                let line = cell.split(whereSeparator: \.isNewline).map(\.count).max() ?? 0
                longest[index] = max(longest[index], line)
            }
        }
        let columns = longest.enumerated().map { index, characters in
            let width = min(max(characters + 2, 8), 60)
            return "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\" style=\"\(XLSXStaticParts.textStyle)\"/>"
        }
        return "<cols>" + columns.joined() + "</cols>"
    }

    private func row(_ cells: [String], number: Int, style: Int) -> String {
        var xml = "<row r=\"\(number)\">"
        for column in 0..<width {
            let reference = XLSXCellReference(column: column + 1, row: number).text
            let value = column < cells.count ? cells[column] : ""
            if value.isEmpty {
                xml += "<c r=\"\(reference)\" s=\"\(style)\"/>"
            } else {
                xml += "<c r=\"\(reference)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Self.escape(value))</t></is></c>"
            }
        }
        return xml + "</row>"
    }

    /// XML text: the markup characters as entities, and the control characters XML 1.0 cannot hold
    /// (all but tab, line feed and carriage return) left out.
    static func escape(_ text: String) -> String {
        let allowed = text.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let kept = allowed ? text : String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
        return HTMLText.escape(kept).replacingOccurrences(of: "\r", with: "&#13;")
    }
}
