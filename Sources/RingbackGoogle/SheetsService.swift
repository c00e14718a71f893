import RingbackJSON

/// How cells are rendered when read (Sheets `valueRenderOption`).
package enum SheetsValueRender: String, Sendable {
    case formatted = "FORMATTED_VALUE"
    case unformatted = "UNFORMATTED_VALUE"
    case formula = "FORMULA"
}

/// One `ValueRange` as Sheets returns it: the normalised A1 range and rows of cells, trailing empties trimmed.
/// A cell is a JSON string, number or boolean; `null` in a write means "leave this cell as it is".
package struct SheetsValueRange: Sendable, Hashable {
    package var range: String
    package var values: [[JSONValue]]

    package init(range: String, values: [[JSONValue]] = []) {
        self.range = range
        self.values = values
    }
}

/// The Sheets v4 calls Ringback makes. The REST client implements it; tests may use in-memory fakes.
/// Every call is already authorised and retried; what throws is final.
package protocol SheetsService: Sendable {
    /// `GET spreadsheets/{id}/values:batchGet?ranges=…&valueRenderOption=…&dateTimeRenderOption=SERIAL_NUMBER`, one request.
    func batchGet(spreadsheetID: String, ranges: [String], render: SheetsValueRender) throws(GoogleAPIError) -> [SheetsValueRange]
    /// `POST spreadsheets/{id}/values:batchUpdate` with `valueInputOption=RAW`: every range in one atomic request.
    func batchUpdateValues(spreadsheetID: String, data: [SheetsValueRange]) throws(GoogleAPIError)
    /// `POST spreadsheets/{id}/values/{range}:append` with `valueInputOption=RAW` and `insertDataOption=INSERT_ROWS`:
    /// rows added below the table found at `range`.
    func appendValues(spreadsheetID: String, range: String, values: [[JSONValue]]) throws(GoogleAPIError)
    /// `POST spreadsheets/{id}:batchUpdate` with the given requests (addSheet, setDataValidation, …); returns `replies`.
    func batchUpdate(spreadsheetID: String, requests: [JSONValue]) throws(GoogleAPIError) -> [JSONValue]
    /// `GET spreadsheets/{id}?fields=…` (no grid data).
    func spreadsheet(spreadsheetID: String, fields: String) throws(GoogleAPIError) -> JSONValue
}
