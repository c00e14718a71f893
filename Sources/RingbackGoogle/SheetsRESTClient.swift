import Foundation
import RingbackCodecs
import RingbackJSON

/// Sheets v4 over REST through a `GoogleSession`: values batchGet and batchUpdate, spreadsheet batchUpdate
/// and metadata. Ranges and ids are percent-encoded whole, so quoted sheet names survive.
package struct SheetsRESTClient: SheetsService {
    package let session: GoogleSession
    package let root: URL

    package init(session: GoogleSession, root: URL = GoogleEndpoints.google.sheets) {
        self.session = session
        self.root = root
    }

    package func batchGet(spreadsheetID: String, ranges: [String], render: SheetsValueRender) throws(GoogleAPIError) -> [SheetsValueRange] {
        guard !ranges.isEmpty else { return [] }
        let operation = "sheets values:batchGet \(spreadsheetID)"
        let query = PercentEncoding.form(
            ranges.map { ("ranges", $0) } + [
                ("valueRenderOption", render.rawValue), ("dateTimeRenderOption", "SERIAL_NUMBER"), ("majorDimension", "ROWS"),
            ])
        let reply = try session.json(
            method: "GET", url: try url(spreadsheetID, "/values:batchGet", query: query, operation),
            body: nil, operation: operation)
        guard let valueRanges = reply["valueRanges"]?.array else {
            throw GoogleAPIError(kind: .badResponse, status: 200, message: "the answer has no valueRanges", operation: operation)
        }
        var result: [SheetsValueRange] = []
        for (index, entry) in valueRanges.enumerated() {
            let range = entry["range"]?.string ?? (index < ranges.count ? ranges[index] : "")
            guard let rows = entry["values"] else {
                result.append(SheetsValueRange(range: range))
                continue
            }
            guard let rowList = rows.array else {
                throw GoogleAPIError(kind: .badResponse, status: 200, message: "the values of \(range) are not rows", operation: operation)
            }
            var values: [[JSONValue]] = []
            for row in rowList {
                guard let cells = row.array else {
                    throw GoogleAPIError(
                        kind: .badResponse, status: 200, message: "a row of \(range) is not a list of cells",
                        operation: operation)
                }
                values.append(cells)
            }
            result.append(SheetsValueRange(range: range, values: values))
        }
        return result
    }

    package func batchUpdateValues(spreadsheetID: String, data: [SheetsValueRange]) throws(GoogleAPIError) {
        guard !data.isEmpty else { return }
        let operation = "sheets values:batchUpdate \(spreadsheetID)"
        let body: JSONValue = [
            "valueInputOption": "RAW",
            "data": .array(data.map { ["range": .string($0.range), "majorDimension": "ROWS", "values": .array($0.values.map(JSONValue.array))] }),
        ]
        _ = try session.json(method: "POST", url: try url(spreadsheetID, "/values:batchUpdate", operation), body: body, operation: operation)
    }

    package func appendValues(spreadsheetID: String, range: String, values: [[JSONValue]]) throws(GoogleAPIError) {
        let operation = "sheets values:append \(spreadsheetID) \(range)"
        let query = PercentEncoding.form([("valueInputOption", "RAW"), ("insertDataOption", "INSERT_ROWS")])
        let body: JSONValue = ["range": .string(range), "majorDimension": "ROWS", "values": .array(values.map(JSONValue.array))]
        _ = try session.json(
            method: "POST", url: try url(spreadsheetID, "/values/" + PercentEncoding.encode(range) + ":append", query: query, operation),
            body: body, operation: operation)
    }

    package func batchUpdate(spreadsheetID: String, requests: [JSONValue]) throws(GoogleAPIError) -> [JSONValue] {
        guard !requests.isEmpty else { return [] }
        let operation = "sheets batchUpdate \(spreadsheetID)"
        let reply = try session.json(
            method: "POST", url: try url(spreadsheetID, ":batchUpdate", operation),
            body: ["requests": .array(requests)], operation: operation)
        return reply["replies"]?.array ?? Array(repeating: [:], count: requests.count)
    }

    package func spreadsheet(spreadsheetID: String, fields: String) throws(GoogleAPIError) -> JSONValue {
        let operation = "sheets get \(spreadsheetID)"
        return try session.json(
            method: "GET", url: try url(spreadsheetID, "", query: PercentEncoding.form([("fields", fields)]), operation),
            body: nil, operation: operation)
    }

    /// `root/v4/spreadsheets/{id}{suffix}?query`.
    private func url(_ spreadsheetID: String, _ suffix: String, query: String? = nil, _ operation: String) throws(GoogleAPIError) -> URL {
        guard !spreadsheetID.isEmpty,
            let url = GoogleEndpoints.url(root, "v4/spreadsheets/" + PercentEncoding.encode(spreadsheetID) + suffix, query: query)
        else {
            throw GoogleAPIError(
                kind: .credentials, message: "the spreadsheet id \"\(spreadsheetID)\" cannot be used in a URL",
                operation: operation, hint: "Check the spreadsheet id in the config")
        }
        return url
    }
}
