import Foundation
import RingbackEmulator
import RingbackJSON
import Testing

/// Google's size limits, refused in Google's words: a cell over 50,000 characters and a workbook over 10,000,000 cells.
@Suite struct WorkbookLimitTests {
    let id = "sheet-under-test"

    func harness() async throws -> EmulatorHarness {
        let harness = try EmulatorHarness()
        harness.emulator.createSpreadsheet(id: id, sheets: ["Leads"])
        try await harness.signIn()
        return harness
    }

    @Test func aCellOverFiftyThousandCharactersFailsTheWholeWrite() async throws {
        let h = try await harness()
        let long = String(repeating: "a", count: 50_001)
        let batch = try await h.json(
            "POST", "/v4/spreadsheets/\(id)/values:batchUpdate",
            [
                "valueInputOption": "RAW",
                "data": [
                    ["range": "Leads!A1", "values": [["fits"]]],
                    ["range": "Leads!A2", "values": [["x", .string(long)]]],
                ],
            ])
        #expect(batch.status == 400)
        #expect(batch.json?["error"]?["message"]?.string == "Your input contains more than the maximum of 50000 characters in a single cell.")
        #expect(batch.json?["error"]?["status"]?.string == "INVALID_ARGUMENT")
        #expect(h.emulator.formattedValues(spreadsheetID: id, sheet: "Leads") == [])

        let single = try await h.json(
            "PUT", "/v4/spreadsheets/\(id)/values/\(escaped("Leads!A1"))?valueInputOption=USER_ENTERED",
            ["values": [[.string(long)]]])
        #expect(single.status == 400)
        let exact = try await h.json(
            "PUT", "/v4/spreadsheets/\(id)/values/\(escaped("Leads!A1"))?valueInputOption=RAW",
            ["values": [[.string(String(repeating: "é", count: 50_000))]]])
        #expect(exact.status == 200)
    }

    @Test func growingPastTenMillionCellsIsRefused() async throws {
        let h = try await harness()
        let grow: JSONValue = ["requests": [["appendDimension": ["sheetId": 0, "dimension": "ROWS", "length": 400_000]]]]
        let reply = try await h.json("POST", "/v4/spreadsheets/\(id):batchUpdate", grow)
        #expect(reply.status == 400)
        #expect(
            reply.json?["error"]?["message"]?.string
                == "Invalid requests[0].appendDimension: This action would increase the number of cells in the workbook above the limit of 10000000 cells."
        )
        #expect(h.emulator.sheetProperties(spreadsheetID: id, sheet: "Leads")?["gridProperties"]?["rowCount"] == 1000)
    }
}
