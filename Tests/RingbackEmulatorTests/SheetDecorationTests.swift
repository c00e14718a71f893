import Foundation
import RingbackEmulator
import RingbackJSON
import Testing

/// Conditional format rules, filter views and charts: stored on the tab, answered in Google's reply
/// shapes, returned by spreadsheets.get, and refused when the discovery document says they are wrong.
@Suite struct SheetDecorationTests {
    let id = "decorated"

    func harness() async throws -> EmulatorHarness {
        let harness = try EmulatorHarness()
        harness.emulator.createSpreadsheet(id: id, sheets: ["Leads", "Other"])
        try await harness.signIn()
        return harness
    }

    func update(_ h: EmulatorHarness, _ requests: [JSONValue]) async throws -> Reply {
        try await h.json("POST", "/v4/spreadsheets/\(id):batchUpdate", ["requests": .array(requests)])
    }

    static let rule: JSONValue = [
        "addConditionalFormatRule": [
            "rule": [
                "ranges": [["sheetId": 0, "startRowIndex": 1]],
                "booleanRule": [
                    "condition": ["type": "CUSTOM_FORMULA", "values": [["userEnteredValue": "=$A2=\"x\""]]],
                    "format": ["backgroundColor": ["red": 1]],
                ],
            ]
        ]
    ]

    @Test func storesRulesFilterViewsAndChartsAndReturnsThem() async throws {
        let h = try await harness()
        let filter: JSONValue = [
            "addFilterView": [
                "filter": [
                    "title": "Open", "range": ["sheetId": 0], "sortSpecs": [["dimensionIndex": 2, "sortOrder": "ASCENDING"]],
                    "filterSpecs": [["columnIndex": 1, "filterCriteria": ["hiddenValues": ["Closed"]]]],
                ]
            ]
        ]
        let chart: JSONValue = [
            "addChart": [
                "chart": [
                    "spec": [
                        "basicChart": [
                            "chartType": "COLUMN",
                            "domains": [["domain": ["sourceRange": ["sources": [["sheetId": 0, "startRowIndex": 0, "endRowIndex": 1]]]]]],
                            "series": [["series": ["sourceRange": ["sources": [["sheetId": 0, "startRowIndex": 1, "endRowIndex": 2]]]]]],
                        ]
                    ],
                    "position": ["overlayPosition": ["anchorCell": ["sheetId": 0, "rowIndex": 5, "columnIndex": 0]]],
                ]
            ]
        ]
        let reply = try await update(h, [Self.rule, filter, chart])
        #expect(reply.status == 200, "\(reply.text)")
        let replies = reply.json?["replies"]?.array ?? []
        #expect(replies.count == 3)
        #expect(replies.first == [:])
        let viewID = try #require(replies[1]["addFilterView"]?["filter"]?["filterViewId"]?.int)
        #expect(replies[1]["addFilterView"]?["filter"]?["range"]?["endRowIndex"]?.int == 1000)
        let chartID = try #require(replies[2]["addChart"]?["chart"]?["chartId"]?.int)
        #expect(replies[2]["addChart"]?["chart"]?["position"]?["overlayPosition"]?["widthPixels"]?.int == 600)
        #expect(viewID != chartID)

        let got = try await h.json("GET", "/v4/spreadsheets/\(id)?fields=sheets(properties.title,conditionalFormats,filterViews,charts)").json
        let leads = try #require(got?["sheets"]?.array?.first)
        #expect(leads["conditionalFormats"]?.array?.count == 1)
        #expect(leads["conditionalFormats"]?[0]?["ranges"]?[0]?["startRowIndex"]?.int == 1)
        #expect(leads["filterViews"]?.array?.map { $0["title"]?.string } == ["Open"])
        #expect(leads["charts"]?.array?.map { $0["chartId"]?.int } == [chartID])
        #expect(got?["sheets"]?.array?[1]["charts"] == nil, "an empty list is left out")
    }

    @Test func refusesWhatGoogleRefuses() async throws {
        let h = try await harness()
        let twoGrids: JSONValue = [
            "addConditionalFormatRule": [
                "rule": [
                    "ranges": [["sheetId": 0], ["sheetId": try #require(h.emulator.sheetProperties(spreadsheetID: id, sheet: "Other")?["sheetId"])]],
                    "booleanRule": ["condition": ["type": "NOT_BLANK"], "format": [:]],
                ]
            ]
        ]
        #expect(
            try await update(h, [twoGrids]).json?["error"]?["message"]?.string
                == "Invalid requests[0].addConditionalFormatRule: All ranges must be on the same grid.")
        let notAFormula: JSONValue = [
            "addConditionalFormatRule": [
                "rule": [
                    "ranges": [["sheetId": 0]], "booleanRule": ["condition": ["type": "CUSTOM_FORMULA", "values": [["userEnteredValue": "A1"]]]],
                ]
            ]
        ]
        #expect(try await update(h, [notAFormula]).status == 400)
        let badIndex: JSONValue = ["addConditionalFormatRule": ["index": 3, "rule": Self.rule["addConditionalFormatRule"]!["rule"]!]]
        #expect(try await update(h, [badIndex]).json?["error"]?["message"]?.string?.contains("Invalid index 3") == true)
        let outside: JSONValue = ["addFilterView": ["filter": ["range": ["sheetId": 0, "endColumnIndex": 2], "sortSpecs": [["dimensionIndex": 5]]]]]
        #expect(try await update(h, [outside]).status == 400)
        let pie: JSONValue = [
            "addChart": ["chart": ["spec": ["basicChart": ["chartType": "PIE"]], "position": ["overlayPosition": ["anchorCell": ["sheetId": 0]]]]]
        ]
        #expect(try await update(h, [pie]).json?["error"]?["message"]?.string?.contains("chartType must be one of") == true)
        let view: JSONValue = ["addFilterView": ["filter": ["filterViewId": 77, "range": ["sheetId": 0]]]]
        #expect(try await update(h, [view]).status == 200)
        #expect(try await update(h, [view]).json?["error"]?["message"]?.string == "Invalid requests[0].addFilterView: Duplicate object ID: 77")
        // A refused batch changes nothing.
        let got = try await h.json("GET", "/v4/spreadsheets/\(id)?fields=sheets(conditionalFormats,filterViews)").json
        #expect(got?["sheets"]?[0]?["conditionalFormats"] == nil)
        #expect(got?["sheets"]?[0]?["filterViews"]?.array?.count == 1)
    }
}
