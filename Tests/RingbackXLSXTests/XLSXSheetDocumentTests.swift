import Foundation
import RingbackCore
import RingbackOffline
import Testing

@testable import RingbackXLSX

/// The Missed Calls workbook written and read back: the same grid, and every cell a text cell.
@Suite struct XLSXSheetDocumentTests {
    static let header = SheetColumn.header + ["Office column"]

    static func row(_ id: String, phone: String, notes: String, office: String) -> [String] {
        var row = [String](repeating: "", count: header.count)
        row[SheetColumn.leadID.index] = id
        row[SheetColumn.phone.index] = phone
        row[SheetColumn.timestamp.index] = "2026-11-20 09:14"
        row[SheetColumn.notes.index] = notes
        row[header.count - 1] = office
        return row
    }

    static let rows = [
        row("L-1", phone: "+15125550100", notes: "=1+2", office: "0042"),
        row("L-2", phone: "+442079460958", notes: "a & <b> \"c\" 'd'", office: "  leading spaces"),
        row("L-3", phone: "Anonymous", notes: "line one\nline two\r\nline three", office: "Ñandú 🔧"),
        row("", phone: "", notes: "the office's own row", office: ""),
    ]

    static func written() throws -> [UInt8] {
        try XLSXSheetDocument(grid: SheetGrid(header: header, rows: rows), exists: true).bytes(path: "/tmp/missed-calls.xlsx")
    }

    /// Cells padded to the header's width, as the grid compares them.
    static func padded(_ rows: [[String]]) -> [[String]] {
        rows.map { $0 + [String](repeating: "", count: max(0, header.count - $0.count)) }
    }

    @Test func aWrittenWorkbookReadsBackAsTheSameGrid() throws {
        let document = try XLSXSheetDocument.parse(try Self.written(), path: "/tmp/missed-calls.xlsx")
        #expect(document.header == Self.header)
        #expect(Self.padded(document.rows) == Self.rows)
        #expect(document.contents.rows["L-1"]?.cells[.phone] == "+15125550100")
        #expect(document.contents.rows["L-2"]?.cells[.notes] == "a & <b> \"c\" 'd'")
    }

    @Test func everyCellIsAnInlineStringUnderTheTextFormat() throws {
        let package = try XLSXPackage(unzipping: try Self.written())
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"] {
            #expect(package.parts[part] != nil, "\(part)")
        }
        let sheet = try XLSXElement.parse(package.parts["xl/worksheets/sheet1.xml"]!).get()
        let cells = try #require(sheet.child("sheetData")).all("row").flatMap { $0.all("c") }
        let filled = cells.filter { $0.child("is") != nil }
        #expect(filled.count == Self.rows.joined().filter { !$0.isEmpty }.count + Self.header.count)
        #expect(filled.allSatisfy { $0["t"] == "inlineStr" })
        #expect(cells.allSatisfy { $0.child("v") == nil && $0.child("f") == nil }, "no number and no formula")
        let styles = try XLSXElement.parse(package.parts["xl/styles.xml"]!).get()
        let formats = try #require(styles.child("cellXfs")).all("xf")
        #expect(cells.allSatisfy { formats[Int($0["s"] ?? "0")!]["numFmtId"] == "49" }, "the text format `@` on every cell")
        let columns = try #require(sheet.child("cols")).all("col")
        #expect(columns.count == Self.header.count)
        #expect(columns.allSatisfy { formats[Int($0["style"] ?? "0")!]["numFmtId"] == "49" }, "and on what the office types")
        #expect(columns.allSatisfy { (8...60).contains(Double($0["width"] ?? "0")!) })
        let pane = try #require(sheet.child("sheetViews")?.child("sheetView")?.child("pane"))
        #expect(pane["state"] == "frozen" && pane["ySplit"] == "1")
    }

    @Test func theSameSheetIsWrittenAsTheSameBytes() throws {
        #expect(try Self.written() == Self.written())
    }

    /// A workbook in the form other programs save: shared strings with rich-text runs, numbers and
    /// booleans typed by the office, cells and rows without references, gaps.
    @Test func aWorkbookSavedByAnotherProgramIsRead() throws {
        let main = XLSXStaticParts.mainNamespace
        let shared = """
            <?xml version="1.0" encoding="UTF-8"?><sst xmlns="\(main)" count="4" uniqueCount="4">
            <si><t>Lead ID</t></si><si><t xml:space="preserve">Phone </t></si>
            <si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r><rPh><t>ignored</t></rPh></si>
            <si><t>L-1</t></si></sst>
            """
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(main)"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>Notes</t></is></c></row>
            <row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>1.5125550100E10</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="s"><v>2</v></c></row>
            <row><c><v>42</v></c><c t="str"><f>A1</f><v>Lead ID</v></c></row>
            </sheetData></worksheet>
            """
        let workbook = """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(main)" xmlns:r="\(XLSXStaticParts.relationshipNamespace)">
            <sheets><sheet name="Leads" sheetId="7" r:id="rId9"/></sheets></workbook>
            """
        let relationships = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId9" Type="\(XLSXStaticParts.relationshipNamespace)/worksheet" Target="/xl/worksheets/other.xml"/>
            <Relationship Id="rId3" Type="\(XLSXStaticParts.relationshipNamespace)/sharedStrings" Target="strings.xml"/>
            </Relationships>
            """
        let package = XLSXPackage(parts: [
            "[Content_Types].xml": Array(XLSXStaticParts.contentTypes.utf8),
            "_rels/.rels": Array(XLSXStaticParts.packageRelationships.utf8),
            "xl/workbook.xml": Array(workbook.utf8), "xl/_rels/workbook.xml.rels": Array(relationships.utf8),
            "xl/strings.xml": Array(shared.utf8), "xl/worksheets/other.xml": Array(sheet.utf8),
        ])
        let document = try XLSXSheetDocument.parse(try package.zipped(), path: "/tmp/office.xlsx")
        #expect(document.header == ["Lead ID", "Phone", "", "Notes"])
        #expect(document.rows == [[], ["L-1", "15125550100", "TRUE", "Bold and plain"], ["42", "Lead ID"]])
        #expect(document.contents.rows["L-1"]?.cells[.notes] == "Bold and plain")
    }

    /// A sheet tab the office added is never silently dropped by the next rewrite: the run stops first.
    @Test func aWorkbookWithASheetTheOfficeAddedIsRefusedNotRewritten() throws {
        var package = try XLSXPackage(unzipping: try Self.written())
        let workbook = String(decoding: try #require(package.parts["xl/workbook.xml"]), as: UTF8.self)
        let sheets = try #require(workbook.range(of: "</sheets>"))
        package.parts["xl/workbook.xml"] = Array(workbook.replacingCharacters(in: sheets, with: "<sheet name=\"Prices\" sheetId=\"2\" r:id=\"rId99\"/></sheets>").utf8)
        let refused = #expect(throws: OfflineTargetError.self) { try XLSXSheetDocument.parse(try package.zipped(), path: "/srv/office/leads.xlsx") }
        #expect(refused?.path == "/srv/office/leads.xlsx")
        #expect(refused?.message.contains("`Prices`") == true)
        #expect(refused?.message.contains("would lose") == true)
    }

    @Test func aFileThatIsNoWorkbookIsAnErrorNamingTheFileAndTheFault() throws {
        let path = "/srv/office/missed-calls.xlsx"
        let notZip = #expect(throws: OfflineTargetError.self) { try XLSXSheetDocument.parse(Array("Lead ID,Phone\n".utf8), path: path) }
        #expect(notZip?.path == path)
        #expect(notZip?.message.contains("not a zip archive") == true)

        let noWorkbook = #expect(throws: OfflineTargetError.self) {
            try XLSXSheetDocument.parse(try XLSXPackage(parts: ["notes.txt": Array("hello".utf8)]).zipped(), path: path)
        }
        #expect(noWorkbook?.message.contains("xl/workbook.xml") == true)

        var broken = try XLSXPackage(unzipping: try Self.written())
        broken.parts["xl/worksheets/sheet1.xml"] = Array("<worksheet><sheetData><row>".utf8)
        let badXML = #expect(throws: OfflineTargetError.self) { try XLSXSheetDocument.parse(try broken.zipped(), path: path) }
        #expect(badXML?.message.contains("xl/worksheets/sheet1.xml: not well-formed XML") == true)

        let noLeadID = try XLSXSheetDocument(grid: SheetGrid(header: ["Phone", "Notes"], rows: [["+15125550100", "x"]]), exists: true)
            .bytes(path: path)
        let missingColumn = #expect(throws: OfflineTargetError.self) { try XLSXSheetDocument.parse(noLeadID, path: path) }
        #expect(missingColumn?.message.contains("no `Lead ID` column") == true)
    }

    @Test func cellReferencesRoundTripAndRejectWhatIsNoCell() {
        for (column, letters) in [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA"), (16_384, "XFD")] {
            #expect(XLSXCellReference.letters(column) == letters)
            #expect(XLSXCellReference(letters + "12") == XLSXCellReference(column: column, row: 12))
        }
        for text in ["", "A", "12", "$A$1", "A1:B2", "A0", "1A", "XFE1"] { #expect(XLSXCellReference(text) == nil, "\(text)") }
    }
}
