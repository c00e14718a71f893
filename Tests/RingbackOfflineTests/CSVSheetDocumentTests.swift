import Foundation
import RingbackCore
import Testing

@testable import RingbackOffline

@Suite struct CSVSheetDocumentTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ringback-offline-\(UUID().uuidString)/\(name)").path
    }

    func create(_ id: String, phone: String = "+15125550142") -> DesiredRow {
        var cells = SheetCells.complete()
        cells[.leadID] = id
        cells[.phone] = phone
        cells[.callerName] = "=HYPERLINK(\"http://x\",\"y\")"
        return DesiredRow(leadID: id, cells: cells)
    }

    @Test func aNewSheetGetsTheHeaderAndProtectedCellsThatReadBackExactly() throws {
        let path = temporaryPath("missed-calls.csv")
        let target = CSVSheetTarget(path: path)
        var plan = SheetPlan(target: path)
        plan.creates = [create("RB-1"), create("RB-2", phone: "+442079460958")]
        try target.open(remembered: TargetState()).apply(plan)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}Lead ID,Timestamp,"))
        #expect(text.contains(",'+15125550142,"))
        #expect(text.contains("\r\n"))
        let contents = try target.load().contents
        #expect(contents.rows["RB-2"]?.cells[.phone] == "+442079460958")
        #expect(contents.rows["RB-1"]?.cells[.callerName] == "=HYPERLINK(\"http://x\",\"y\")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["missed-calls.csv"])
    }

    @Test func officeRowsColumnsOrderAndDuplicatesAreKeptWhenRingbackUpdates() throws {
        let path = temporaryPath("sheet.csv")
        let office = """
            Owner;Lead ID;Status;Phone;My column\r
            Dana;RB-2;Qualified;'+15125550143;keep me\r
            ;;;;a note row the office typed\r
            Sam;RB-1;New missed call;'+15125550142;x\r
            Sam;RB-1;New missed call;'+15125550142;copy pasted\r

            """
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(office.utf8).write(to: URL(fileURLWithPath: path))
        let target = CSVSheetTarget(path: path)
        let document = try target.load()
        #expect(document.contents.duplicateIDs == ["RB-1"])
        var plan = SheetPlan(target: path)
        plan.updates = [.init(leadID: "RB-1", changes: [.init(column: .status, old: "New missed call", new: "Awaiting reply")])]
        plan.creates = [create("RB-3")]
        try target.open(remembered: TargetState()).apply(plan)
        let lines = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            .replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n")
        // The columns added since the sheet was made go at the end of the header; the office's stay put.
        #expect(lines[0] == "Owner;Lead ID;Status;Phone;My column;Why;Transcript;Problems;Suggested Message;Offered Windows")
        #expect(lines[1] == "Dana;RB-2;Qualified;'+15125550143;keep me;;;;;")
        #expect(lines[2] == ";;;;a note row the office typed;;;;;")
        #expect(lines[3] == "Sam;RB-1;Awaiting reply;'+15125550142;x;;;;;")
        #expect(lines[4] == "Sam;RB-1;New missed call;'+15125550142;copy pasted;;;;;")
        #expect(lines[5].contains(";RB-3;"))
    }

    @Test func aSheetWithoutTheLeadIDColumnIsRefusedWithTheFileAndLine() throws {
        let path = temporaryPath("sheet.csv")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("Name,Phone\r\nMaria,+15125550142\r\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try CSVSheetTarget(path: path).load()
        } throws: { error in
            "\(error)".hasPrefix(path + ": line 1: no `Lead ID` column")
        }
    }
}
