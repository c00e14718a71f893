import RingbackCore
import RingbackJSON

/// How a new Missed Calls tab is set up, in one atomic `spreadsheets.batchUpdate`: frozen bold header,
/// a Status dropdown the office picks from, columns wide enough to read, and the morning list's colours
/// and filter view.
package struct MissedCallsTabLayout: Sendable {
    package var title: String
    package var sheetID: Int
    package var rowCount: Int

    package init(title: String, sheetID: Int, rowCount: Int) {
        self.title = title
        self.sheetID = sheetID
        self.rowCount = rowCount
    }

    static let widths: [SheetColumn: Int] = [
        .leadID: 110, .timestamp: 130, .callerName: 160, .phone: 130, .callSource: 110, .callerType: 170,
        .serviceType: 170, .addressOrZIP: 200, .urgency: 90, .summary: 320, .attempts: 75, .nextAction: 300, .suggestedMessage: 360,
        .offeredWindows: 260,
        .dueBy: 130, .owner: 130, .status: 160, .appointment: 140, .notes: 260, .consentSourceNote: 220,
        .transcriptLink: 240, .why: 320, .transcript: 400, .problems: 260, .lastSynced: 130,
    ]

    package var requests: [JSONValue] {
        let columns = SheetColumn.allCases
        var requests: [JSONValue] = [
            [
                "addSheet": [
                    "properties": [
                        "sheetId": .number(Double(sheetID)), "title": .string(title),
                        "gridProperties": [
                            "rowCount": .number(Double(rowCount)), "columnCount": .number(Double(columns.count)), "frozenRowCount": 1,
                        ],
                    ]
                ]
            ],
            [
                "repeatCell": [
                    "range": ["sheetId": .number(Double(sheetID)), "startRowIndex": 0, "endRowIndex": 1],
                    "cell": ["userEnteredFormat": ["textFormat": ["bold": true]]],
                    "fields": "userEnteredFormat.textFormat.bold",
                ]
            ],
        ]
        if let status = columns.firstIndex(of: .status) {
            requests.append([
                "setDataValidation": [
                    "range": [
                        "sheetId": .number(Double(sheetID)), "startRowIndex": 1,
                        "startColumnIndex": .number(Double(status)), "endColumnIndex": .number(Double(status + 1)),
                    ],
                    "rule": [
                        "condition": [
                            "type": "ONE_OF_LIST", "values": .array(LeadStatus.allCases.map { ["userEnteredValue": .string($0.rawValue)] }),
                        ],
                        "strict": true, "showCustomUi": true,
                    ],
                ]
            ])
        }
        for (index, column) in columns.enumerated() {
            requests.append([
                "updateDimensionProperties": [
                    "range": [
                        "sheetId": .number(Double(sheetID)), "dimension": "COLUMNS",
                        "startIndex": .number(Double(index)), "endIndex": .number(Double(index + 1)),
                    ],
                    "properties": ["pixelSize": .number(Double(Self.widths[column] ?? 120))],
                    "fields": "pixelSize",
                ]
            ])
        }
        return requests + MorningListFormatting(sheetID: sheetID).requests
    }
}
