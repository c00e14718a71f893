import Foundation
import RingbackJSON
import Testing

@testable import RingbackGoogle

/// Sheets request paths, query encoding and bodies, and how answers become value ranges.
@Suite struct SheetsRESTClientTests {
    typealias Fake = FakeGoogleTransport

    static func client(_ fake: Fake, root: String = "https://sheets.googleapis.com/") -> SheetsRESTClient {
        SheetsRESTClient(session: fake.session(), root: URL(string: root)!)
    }

    @Test func batchGetEncodesRangesAndReadsValueRanges() throws {
        let fake = Fake([
            Fake.json(
                200,
                [
                    "spreadsheetId": "1AbC-_x9",
                    "valueRanges": [
                        [
                            "range": "'Missed Calls'!A1:T1000", "majorDimension": "ROWS",
                            "values": [["Key", "Phone"], [], ["k1", 15125550100, true]],
                        ],
                        ["range": "'It''s'!A1:C1000", "majorDimension": "ROWS"],
                    ],
                ])
        ])
        let ranges = try Self.client(fake).batchGet(
            spreadsheetID: "1AbC-_x9", ranges: ["'Missed Calls'!A1:T", "'It''s'!A1:C"],
            render: .unformatted)
        #expect(
            ranges == [
                SheetsValueRange(range: "'Missed Calls'!A1:T1000", values: [["Key", "Phone"], [], ["k1", 15125550100, true]]),
                SheetsValueRange(range: "'It''s'!A1:C1000", values: []),
            ])
        let sent = try #require(fake.apiRequests.first)
        #expect(sent.method == "GET" && sent.body == nil)
        #expect(
            sent.url.absoluteString == "https://sheets.googleapis.com/v4/spreadsheets/1AbC-_x9/values:batchGet"
                + "?ranges=%27Missed%20Calls%27%21A1%3AT&ranges=%27It%27%27s%27%21A1%3AC&valueRenderOption=UNFORMATTED_VALUE"
                + "&dateTimeRenderOption=SERIAL_NUMBER&majorDimension=ROWS")
        let items = try #require(URLComponents(url: sent.url, resolvingAgainstBaseURL: false)?.queryItems)
        #expect(items.filter { $0.name == "ranges" }.map(\.value) == ["'Missed Calls'!A1:T", "'It''s'!A1:C"])
    }

    @Test func batchUpdateValuesSendsRawRows() throws {
        let fake = Fake([Fake.json(200, ["spreadsheetId": "1AbC", "totalUpdatedCells": 3])])
        try Self.client(fake).batchUpdateValues(
            spreadsheetID: "1AbC",
            data: [
                SheetsValueRange(range: "'Missed Calls'!B5:D5", values: [["+15125550100", .null, 3]])
            ])
        let sent = try #require(fake.apiRequests.first)
        #expect(sent.method == "POST")
        #expect(sent.url.absoluteString == "https://sheets.googleapis.com/v4/spreadsheets/1AbC/values:batchUpdate")
        #expect(
            sent.bodyJSON == [
                "valueInputOption": "RAW",
                "data": [["range": "'Missed Calls'!B5:D5", "majorDimension": "ROWS", "values": [["+15125550100", nil, 3]]]],
            ])
    }

    @Test func spreadsheetBatchUpdateReturnsReplies() throws {
        let fake = Fake([Fake.json(200, ["spreadsheetId": "1AbC", "replies": [["addSheet": ["properties": ["sheetId": 42]]], [:]]])])
        let requests: [JSONValue] = [["addSheet": ["properties": ["title": "Missed Calls"]]], ["updateSheetProperties": [:]]]
        let replies = try Self.client(fake).batchUpdate(spreadsheetID: "1AbC", requests: requests)
        #expect(replies == [["addSheet": ["properties": ["sheetId": 42]]], [:]])
        let sent = try #require(fake.apiRequests.first)
        #expect(sent.url.absoluteString == "https://sheets.googleapis.com/v4/spreadsheets/1AbC:batchUpdate")
        #expect(sent.bodyJSON == ["requests": .array(requests)])
    }

    @Test func spreadsheetMetadataAsksForFields() throws {
        let fake = Fake([Fake.json(200, ["sheets": [["properties": ["sheetId": 0, "title": "Sheet1"]]]])])
        let reply = try Self.client(fake, root: "http://127.0.0.1:8085/").spreadsheet(
            spreadsheetID: "1AbC",
            fields: "sheets(properties(sheetId,title))")
        #expect(reply["sheets"]?[0]?["properties"]?["title"] == "Sheet1")
        #expect(
            fake.apiRequests.first?.url.absoluteString
                == "http://127.0.0.1:8085/v4/spreadsheets/1AbC?fields=sheets%28properties%28sheetId%2Ctitle%29%29")
    }

    @Test func nothingToDoSendsNothing() throws {
        let fake = Fake()
        let client = Self.client(fake)
        #expect(try client.batchGet(spreadsheetID: "1AbC", ranges: [], render: .formatted) == [])
        try client.batchUpdateValues(spreadsheetID: "1AbC", data: [])
        #expect(try client.batchUpdate(spreadsheetID: "1AbC", requests: []) == [])
        #expect(fake.requests.withLock { $0.isEmpty })
    }

    @Test func errorsNameTheOperationAndSpreadsheet() {
        let fake = Fake([Fake.raw(403, GoogleErrorBodies.sheetsPermissionDenied)])
        do {
            _ = try Self.client(fake).batchGet(spreadsheetID: "1jIKzPs8", ranges: ["Sheet1"], render: .formatted)
            Issue.record("expected an error")
        } catch {
            #expect(error.operation == "sheets values:batchGet 1jIKzPs8")
            #expect(error.hint == "Share the spreadsheet with \(TestKey.email) as an editor")
        }
    }
}
