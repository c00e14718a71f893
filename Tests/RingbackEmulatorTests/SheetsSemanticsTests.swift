import Foundation
import RingbackEmulator
import RingbackJSON
import Testing

/// Sheets behaviour Ringback depends on that the recorded traffic does not show.
@Suite struct SheetsSemanticsTests {
    let id = "sheet-under-test"

    func harness(sheets: [String] = ["Leads"]) async throws -> EmulatorHarness {
        let harness = try EmulatorHarness()
        harness.emulator.createSpreadsheet(id: id, sheets: sheets)
        try await harness.signIn()
        return harness
    }

    func write(_ h: EmulatorHarness, _ range: String, _ values: JSONValue, input: String) async throws -> Reply {
        try await h.json("PUT", "/v4/spreadsheets/\(id)/values/\(escaped(range))?valueInputOption=\(input)", ["values": values])
    }

    func read(_ h: EmulatorHarness, _ range: String, render: String = "FORMATTED_VALUE") async throws -> JSONValue? {
        try await h.json("GET", "/v4/spreadsheets/\(id)/values/\(escaped(range))?valueRenderOption=\(render)").json?["values"]
    }

    @Test func rawKeepsEveryStringAsText() async throws {
        let h = try await harness()
        let texts: [JSONValue] = ["0042", "+1 512 555 0100", "=HYPERLINK(\"http://x\",\"x\")", "@x", "-2+3", "+15125550100", "2020-01-01", "TRUE"]
        #expect(try await write(h, "Leads!A1", [.array(texts)], input: "RAW").status == 200)
        #expect(try await read(h, "Leads!A1:H1") == [.array(texts)])
        #expect(try await read(h, "Leads!A1:H1", render: "UNFORMATTED_VALUE") == [.array(texts)])
        #expect(h.emulator.cell(spreadsheetID: id, sheet: "Leads", row: 0, column: 0) == .string("0042"))
    }

    @Test func userEnteredParsesLikeTyping() async throws {
        let h = try await harness()
        let typed: JSONValue = [
            [
                "0042", "+15125550100", "+1 512 555 0100", "=4/2", "=FOO(1)", "2020-01-01", "11/20/2026 2:30 PM",
                "2026-11-20 14:30", "TRUE", "-2+3", "42.01", "text", 0.12,
            ]
        ]
        #expect(try await write(h, "Leads!A1", typed, input: "USER_ENTERED").status == 200)
        #expect(
            try await read(h, "Leads!A1:M1") == [
                [
                    "42", "15125550100", "#ERROR!", "2", "#NAME?", "2020-01-01", "11/20/2026 14:30:00",
                    "2026-11-20 14:30:00", "TRUE", "1", "42.01", "text", "0.12",
                ]
            ])
        #expect(
            try await read(h, "Leads!A1:M1", render: "UNFORMATTED_VALUE") == [
                [
                    42, 15125550100, "#ERROR!", 2, "#NAME?", 43831,
                    46346.604166666664, 46346.604166666664, true, 1, 42.01, "text", 0.12,
                ]
            ])
        let formulas = try await read(h, "Leads!A1:E1", render: "FORMULA")
        #expect(formulas == [[42, 15125550100, "=+1 512 555 0100", "=4/2", "=FOO(1)"]])
        #expect(h.emulator.cell(spreadsheetID: id, sheet: "Leads", row: 0, column: 3) == .formula("=4/2"))
    }

    @Test func writesDoNotGrowTheGrid() async throws {
        let h = try await harness()
        let resize: JSONValue = [
            "requests": [
                [
                    "updateSheetProperties": [
                        "properties": ["sheetId": 0, "gridProperties": ["rowCount": 251, "columnCount": 32]],
                        "fields": "gridProperties(rowCount,columnCount)",
                    ]
                ]
            ]
        ]
        #expect(try await h.json("POST", "/v4/spreadsheets/\(id):batchUpdate", resize).status == 200)
        let reply = try await write(h, "Leads!A252", [["x"]], input: "RAW")
        #expect(reply.status == 400)
        #expect(reply.json?["error"]?["message"]?.string == "Range ('Leads'!A252) exceeds grid limits. Max rows: 251, max columns: 32")
        #expect(reply.json?["error"]?["status"]?.string == "INVALID_ARGUMENT")
        let batch = try await h.json(
            "POST", "/v4/spreadsheets/\(id)/values:batchUpdate",
            ["valueInputOption": "RAW", "data": [["range": "Leads!A251", "values": [["a"], ["b"]]]]])
        #expect(batch.status == 400)
        #expect(h.emulator.formattedValues(spreadsheetID: id, sheet: "Leads") == [])
    }

    @Test func missingInputOptionAndUnknownSheetAreRefused() async throws {
        let h = try await harness()
        let missing = try await h.json("PUT", "/v4/spreadsheets/\(id)/values/Leads!A1", ["values": [["x"]]])
        #expect(missing.status == 400)
        #expect(missing.json?["error"]?["message"]?.string == "Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED")
        let unknown = try await h.json("GET", "/v4/spreadsheets/\(id)/values/\(escaped("Sheet 9!A1:B2"))")
        #expect(unknown.status == 400)
        #expect(unknown.json?["error"]?["message"]?.string == "Unable to parse range: Sheet 9!A1:B2")
    }

    @Test func spreadsheetBatchUpdateIsAtomic() async throws {
        let h = try await harness()
        let body: JSONValue = [
            "requests": [
                ["addSheet": ["properties": ["title": "Extra"]]],
                [
                    "updateSheetProperties": [
                        "properties": ["sheetId": 0, "gridProperties": ["frozenRowCount": 1]], "fields": "gridProperties.frozenRowCount",
                    ]
                ],
                ["deleteSheet": ["sheetId": 12345]],
            ]
        ]
        let reply = try await h.json("POST", "/v4/spreadsheets/\(id):batchUpdate", body)
        #expect(reply.status == 400)
        #expect(reply.json?["error"]?["message"]?.string == "Invalid requests[2].deleteSheet: No grid with id: 12345")
        let sheets = try await h.json("GET", "/v4/spreadsheets/\(id)?fields=sheets.properties.title").json
        #expect(sheets == ["sheets": [["properties": ["title": "Leads"]]]])
        #expect(h.emulator.sheetProperties(spreadsheetID: id, sheet: "Leads")?["gridProperties"]?["frozenRowCount"] == nil)
        let unknownKind = try await h.json("POST", "/v4/spreadsheets/\(id):batchUpdate", ["requests": [["frobnicate": [:]]]])
        #expect(unknownKind.status == 400)
    }

    @Test func structuralRequestsAndValidation() async throws {
        let h = try await harness()
        let body: JSONValue = [
            "requests": [
                ["addSheet": ["properties": ["title": "Rejects", "gridProperties": ["rowCount": 10, "columnCount": 5]]]],
                [
                    "updateSheetProperties": [
                        "properties": ["sheetId": 0, "gridProperties": ["frozenRowCount": 1]], "fields": "gridProperties/frozenRowCount",
                    ]
                ],
                [
                    "setDataValidation": [
                        "range": ["sheetId": 0, "startRowIndex": 1, "endRowIndex": 4, "startColumnIndex": 2, "endColumnIndex": 3],
                        "rule": [
                            "condition": ["type": "ONE_OF_LIST", "values": [["userEnteredValue": "New"], ["userEnteredValue": "Called back"]]],
                            "strict": true, "showCustomUi": true,
                        ],
                    ]
                ],
                ["appendDimension": ["sheetId": 0, "dimension": "ROWS", "length": 500]],
                [
                    "updateDimensionProperties": [
                        "range": ["sheetId": 0, "dimension": "COLUMNS", "startIndex": 0, "endIndex": 1],
                        "properties": ["pixelSize": 160], "fields": "pixelSize",
                    ]
                ],
                [
                    "repeatCell": [
                        "range": ["sheetId": 0, "startRowIndex": 0, "endRowIndex": 1],
                        "cell": ["userEnteredFormat": ["textFormat": ["bold": true]]], "fields": "userEnteredFormat.textFormat.bold",
                    ]
                ],
                [
                    "updateCells": [
                        "start": ["sheetId": 0, "rowIndex": 0, "columnIndex": 0],
                        "rows": [["values": [["userEnteredValue": ["stringValue": "+1 512 555 0100"]], ["userEnteredValue": ["numberValue": 7]]]]],
                        "fields": "userEnteredValue",
                    ]
                ],
                ["autoResizeDimensions": ["dimensions": ["sheetId": 0, "dimension": "COLUMNS", "startIndex": 0, "endIndex": 3]]],
            ]
        ]
        let reply = try await h.json("POST", "/v4/spreadsheets/\(id):batchUpdate", body)
        #expect(reply.status == 200)
        let replies = reply.json?["replies"]?.array ?? []
        #expect(replies.count == 8)
        #expect(replies[0]["addSheet"]?["properties"]?["title"] == "Rejects")
        #expect(replies[0]["addSheet"]?["properties"]?["index"] == 1)
        #expect(replies.dropFirst().allSatisfy { $0 == .object([:]) })
        let props = h.emulator.sheetProperties(spreadsheetID: id, sheet: "Leads")
        #expect(props?["gridProperties"]?["frozenRowCount"] == 1)
        #expect(props?["gridProperties"]?["rowCount"] == 1500)
        #expect(h.emulator.dataValidations(spreadsheetID: id, sheet: "Leads").count == 1)
        #expect(h.emulator.dataValidations(spreadsheetID: id, sheet: "Leads").first?["range"]?["endRowIndex"] == 4)
        #expect(h.emulator.cell(spreadsheetID: id, sheet: "Leads", row: 0, column: 0) == .string("+1 512 555 0100"))
        #expect(h.emulator.cell(spreadsheetID: id, sheet: "Leads", row: 0, column: 1) == .number(7))
        // Office edits move rows with their rules and values.
        h.emulator.type("Row 2", spreadsheetID: id, sheet: "Leads", row: 1, column: 0)
        h.emulator.deleteRow(spreadsheetID: id, sheet: "Leads", row: 0)
        #expect(h.emulator.formattedValues(spreadsheetID: id, sheet: "Leads") == [["Row 2"]])
        #expect(h.emulator.dataValidations(spreadsheetID: id, sheet: "Leads").first?["range"]?["startRowIndex"] == 0)
    }

    @Test func nullLeavesCellsAndEmptyStringClears() async throws {
        let h = try await harness()
        _ = try await write(h, "Leads!A1", [["a", "b", "c"]], input: "RAW")
        let batch = try await h.json(
            "POST", "/v4/spreadsheets/\(id)/values:batchUpdate",
            ["valueInputOption": "RAW", "data": [["range": "Leads!A1:C1", "values": [[nil, "", "z"]]]]])
        #expect(batch.status == 200)
        #expect(batch.json?["totalUpdatedCells"] == 3)
        #expect(h.emulator.formattedValues(spreadsheetID: id, sheet: "Leads") == [["a", "", "z"]])
    }

    @Test func valuesBatchUpdateIsAtomic() async throws {
        let h = try await harness()
        let reply = try await h.json(
            "POST", "/v4/spreadsheets/\(id)/values:batchUpdate",
            [
                "valueInputOption": "RAW",
                "data": [
                    ["range": "Leads!A1", "values": [["kept?"]]],
                    ["range": "Nope!A1", "values": [["x"]]],
                ],
            ])
        #expect(reply.status == 400)
        #expect(reply.json?["error"]?["message"]?.string == "Invalid data[1]: Unable to parse range: Nope!A1")
        #expect(h.emulator.formattedValues(spreadsheetID: id, sheet: "Leads") == [])
    }

    @Test func appendFindsTheTableAndCanLandShifted() async throws {
        let h = try await harness()
        let first = try await h.json("POST", "/v4/spreadsheets/\(id)/values/Leads!A1:append?valueInputOption=RAW", ["values": [["Phone", "Name"]]])
        #expect(first.json?["tableRange"] == nil)
        #expect(first.json?["updates"]?["updatedRange"] == "Leads!A1:B1")
        let second = try await h.json("POST", "/v4/spreadsheets/\(id)/values/Leads!A1:append?valueInputOption=RAW", ["values": [["512", "Ann"]]])
        #expect(second.json?["tableRange"] == "Leads!A1:B1")
        #expect(second.json?["updates"]?["updatedRange"] == "Leads!A2:B2")
        // A stray value in an otherwise empty area becomes the "table": the next row lands shifted right under it.
        h.emulator.type("note", spreadsheetID: id, sheet: "Leads", row: 5, column: 4)
        let shifted = try await h.json("POST", "/v4/spreadsheets/\(id)/values/Leads!D5:F9:append?valueInputOption=RAW", ["values": [["x", "y"]]])
        #expect(shifted.json?["tableRange"] == "Leads!E6")
        #expect(shifted.json?["updates"]?["updatedRange"] == "Leads!E7:F7")
        // Appending past the end grows the grid; INSERT_ROWS pushes rows down.
        _ = try await h.json(
            "POST", "/v4/spreadsheets/\(id):batchUpdate",
            [
                "requests": [
                    [
                        "updateSheetProperties": [
                            "properties": ["sheetId": 0, "gridProperties": ["rowCount": 8]], "fields": "gridProperties.rowCount",
                        ]
                    ]
                ]
            ])
        let grown = try await h.json(
            "POST", "/v4/spreadsheets/\(id)/values/Leads!A1:B:append?valueInputOption=RAW&insertDataOption=INSERT_ROWS",
            ["values": [["1"], ["2"], ["3"]]])
        #expect(grown.json?["updates"]?["updatedRange"] == "Leads!A3:A5")
        #expect(h.emulator.sheetProperties(spreadsheetID: id, sheet: "Leads")?["gridProperties"]?["rowCount"] == 11)
        #expect(h.emulator.formattedValues(spreadsheetID: id, sheet: "Leads")?[8] == ["", "", "", "", "note"])
    }

    @Test func readsTrimAndClampLikeGoogle() async throws {
        let h = try await harness(sheets: ["Missed calls", "D3"])
        let quoted = "'Missed calls'"
        _ = try await write(h, "\(quoted)!A1", [["a", "", "c", ""], [], ["", "", "", ""], ["", "d"]], input: "RAW")
        let reply = try await h.json("GET", "/v4/spreadsheets/\(id)/values/\(escaped(quoted))")
        #expect(reply.json == ["range": "'Missed calls'!A1:Z1000", "majorDimension": "ROWS", "values": [["a", "", "c"], [], [], ["", "d"]]])
        let columns = try await h.json("GET", "/v4/spreadsheets/\(id)/values/\(escaped(quoted + "!A1:B4"))?majorDimension=COLUMNS")
        #expect(columns.json?["values"] == [["a"], ["", "", "", "d"]])
        let empty = try await h.json("GET", "/v4/spreadsheets/\(id)/values/\(escaped("'D3'!B2"))")
        #expect(empty.json == ["range": "'D3'!B2", "majorDimension": "ROWS"])
    }

    @Test func accessNeedsATokenAndASharedSpreadsheet() async throws {
        let h = try EmulatorHarness()
        h.emulator.createSpreadsheet(id: "private", sharedWith: ["owner@example.com"])
        let anonymous = try await h.json("GET", "/v4/spreadsheets/private")
        #expect(anonymous.status == 401)
        #expect(anonymous.json?["error"]?["status"] == "UNAUTHENTICATED")
        #expect(anonymous.json?["error"]?["details"]?[0]?["reason"] == "CREDENTIALS_MISSING")
        h.token = "ya29.not-issued-here"
        let forged = try await h.json("GET", "/v4/spreadsheets/private")
        #expect(forged.status == 401)
        #expect(forged.json?["error"]?["message"]?.string?.hasPrefix("Request had invalid authentication credentials.") == true)
        try await h.signIn()
        let denied = try await h.json("GET", "/v4/spreadsheets/private")
        #expect(denied.status == 403)
        #expect(denied.json?["error"]?["message"] == "The caller does not have permission")
        #expect(try await h.json("GET", "/v4/spreadsheets/missing").status == 404)
    }

    @Test func aTenThousandRowWriteIsTakenWhole() async throws {
        let h = try await harness()
        let rows = (0..<10_000).map { i -> JSONValue in
            .array([.string("+1512555\(String(format: "%04d", i))"), .string("Caller \(i)"), "New", "2026-11-20 14:30"])
        }
        _ = try await h.json(
            "POST", "/v4/spreadsheets/\(id):batchUpdate", ["requests": [["appendDimension": ["sheetId": 0, "dimension": "ROWS", "length": 9100]]]])
        let reply = try await h.json(
            "POST", "/v4/spreadsheets/\(id)/values:batchUpdate",
            ["valueInputOption": "RAW", "data": [["range": "Leads!A1", "values": .array(rows)]]])
        #expect(reply.status == 200)
        #expect(reply.json?["totalUpdatedRows"] == 10_000)
        #expect(h.emulator.formattedValues(spreadsheetID: id, sheet: "Leads")?.count == 10_000)
    }
}
