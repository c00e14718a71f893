import RingbackCore
import RingbackJSON

/// The weekly review in the office's spreadsheet: a `Weekly Review` tab holding the review's table
/// (counts as numbers, the rest as RAW text), rewritten whole on every report, and one column chart of
/// the eight-week trend of missed calls captured, qualified leads and booked jobs, added once.
package struct WeeklyReviewTab: Sendable {
    package let service: any SheetsService
    package let spreadsheetID: String
    package static let title = "Weekly Review"
    /// The measures the chart plots, rows of the table.
    static let charted: [ReviewMeasure] = [.missedCallsCaptured, .qualifiedLeads, .bookedJobs]
    static let columns = WeeklyReviewTable.firstTrendColumn + WeeklyReview.trendWeeks

    package init(service: any SheetsService, spreadsheetID: String) {
        self.service = service
        self.spreadsheetID = spreadsheetID
    }

    /// Writes the tab (creating it the first time) and adds the trend chart when the tab has none.
    /// Returns how many charts the tab had before.
    @discardableResult
    package func write(_ review: WeeklyReview) throws(GoogleAPIError) -> Int {
        let rows = WeeklyReviewTable(review).rows
        let height = max(rows.count + 20, 60)
        var found = try tab()
        if found == nil {
            let id = GoogleSheetTarget.sheetID(for: Self.title)
            _ = try service.batchUpdate(spreadsheetID: spreadsheetID, requests: Self.newTab(sheetID: id, rows: height))
            found = (id, height, 0)
        }
        guard let (sheetID, rowCount, charts) = found else { return 0 }
        if rowCount < height {
            _ = try service.batchUpdate(
                spreadsheetID: spreadsheetID,
                requests: [
                    ["appendDimension": ["sheetId": .number(Double(sheetID)), "dimension": "ROWS", "length": .number(Double(height - rowCount))]]
                ])
        }
        let grid = (0..<max(height, rowCount)).map { index in
            (0..<Self.columns).map { column in Self.cell(index < rows.count && column < rows[index].count ? rows[index][column] : "") }
        }
        try service.batchUpdateValues(
            spreadsheetID: spreadsheetID,
            data: [SheetsValueRange(range: A1.range(sheet: Self.title, row: 1, column: 0, rows: grid.count, columns: Self.columns), values: grid)])
        if charts == 0 { _ = try service.batchUpdate(spreadsheetID: spreadsheetID, requests: [Self.chart(sheetID: sheetID, rows: rows.count)]) }
        return charts
    }

    /// A whole number as a number (so the chart can plot it); anything else as text.
    static func cell(_ text: String) -> JSONValue {
        if !text.isEmpty, text.count < 10, text.allSatisfy(\.isASCIIDigitCharacter), let value = Int(text) { return .number(Double(value)) }
        return .string(text)
    }

    private func tab() throws(GoogleAPIError) -> (sheetID: Int, rowCount: Int, charts: Int)? {
        let info = try service.spreadsheet(spreadsheetID: spreadsheetID, fields: "sheets(properties(sheetId,title,gridProperties),charts(chartId))")
        guard let sheet = info["sheets"]?.array?.first(where: { $0["properties"]?["title"]?.string == Self.title }),
            let id = sheet["properties"]?["sheetId"]?.int
        else { return nil }
        return (id, sheet["properties"]?["gridProperties"]?["rowCount"]?.int ?? 0, sheet["charts"]?.array?.count ?? 0)
    }

    static func newTab(sheetID: Int, rows: Int) -> [JSONValue] {
        [
            [
                "addSheet": [
                    "properties": [
                        "sheetId": .number(Double(sheetID)), "title": .string(title),
                        "gridProperties": ["rowCount": .number(Double(rows)), "columnCount": .number(Double(columns + 8))],
                    ]
                ]
            ],
            [
                "repeatCell": [
                    "range": ["sheetId": .number(Double(sheetID)), "startRowIndex": 0, "endRowIndex": 1],
                    "cell": ["userEnteredFormat": ["textFormat": ["bold": true, "fontSize": 14]]],
                    "fields": "userEnteredFormat.textFormat(bold,fontSize)",
                ]
            ],
            [
                "updateDimensionProperties": [
                    "range": ["sheetId": .number(Double(sheetID)), "dimension": "COLUMNS", "startIndex": 0, "endIndex": 1],
                    "properties": ["pixelSize": 260], "fields": "pixelSize",
                ]
            ],
            [
                "updateDimensionProperties": [
                    "range": ["sheetId": .number(Double(sheetID)), "dimension": "COLUMNS", "startIndex": 3, "endIndex": 4],
                    "properties": ["pixelSize": 420], "fields": "pixelSize",
                ]
            ],
        ]
    }

    /// A column chart of the charted measures' rows over the eight trend columns, below the table.
    static func chart(sheetID: Int, rows: Int) -> JSONValue {
        let header = WeeklyReviewTable.measureHeaderRow
        func range(row: Int) -> JSONValue {
            [
                "sources": [
                    [
                        "sheetId": .number(Double(sheetID)), "startRowIndex": .number(Double(row)), "endRowIndex": .number(Double(row + 1)),
                        "startColumnIndex": .number(Double(WeeklyReviewTable.firstTrendColumn)), "endColumnIndex": .number(Double(columns)),
                    ]
                ]
            ]
        }
        let series: [JSONValue] = charted.map { measure in
            let row = header + 1 + ReviewMeasure.allCases.firstIndex(of: measure)!
            return ["series": ["sourceRange": range(row: row)], "targetAxis": "LEFT_AXIS"]
        }
        return [
            "addChart": [
                "chart": [
                    "spec": [
                        "title": "Last 8 weeks: missed calls captured, qualified leads, booked jobs",
                        "basicChart": [
                            "chartType": "COLUMN", "legendPosition": "BOTTOM_LEGEND", "headerCount": 0,
                            "domains": [["domain": ["sourceRange": range(row: header)]]],
                            "series": .array(series),
                        ],
                    ],
                    "position": [
                        "overlayPosition": [
                            "anchorCell": ["sheetId": .number(Double(sheetID)), "rowIndex": .number(Double(rows + 2)), "columnIndex": 0],
                            "widthPixels": 720, "heightPixels": 320,
                        ]
                    ],
                ]
            ]
        ]
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
