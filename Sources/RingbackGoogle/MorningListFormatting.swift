import RingbackCore
import RingbackJSON

/// The morning list in Google Sheets, where Ringback does not move rows: emergency rows tinted red and
/// overdue open rows amber (conditional formatting), and a filter view "Open leads by due time" that
/// hides closed and booked leads and sorts by Due By. Sent once, with the new tab's layout.
package struct MorningListFormatting: Sendable {
    package var sheetID: Int
    package static let filterViewTitle = "Open leads by due time"

    package init(sheetID: Int) {
        self.sheetID = sheetID
    }

    /// Column letter of a column in a new tab (Ringback's own order).
    static func letter(_ column: SheetColumn) -> String { A1.columnLetters(SheetColumn.allCases.firstIndex(of: column)!) }

    /// True on an open lead's row whose Due By (text, `2026-11-20 15:05`) has passed.
    package static var overdueFormula: String {
        let due = "$\(letter(.dueBy))2"
        let status = "$\(letter(.status))2"
        let open = LeadStatus.allCases.filter(\.isOpen).map { "\(status)=\"\($0.rawValue)\"" }.joined(separator: ",")
        return "=AND(OR(\(open)),\(due)<>\"\",IFERROR(DATEVALUE(LEFT(\(due),10))+TIMEVALUE(MID(\(due),12,5)),NOW())<NOW())"
    }

    package static var emergencyFormula: String { "=$\(letter(.callerType))2=\"\(CallerType.emergency.rawValue)\"" }

    private var rows: JSONValue { ["sheetId": .number(Double(sheetID)), "startRowIndex": 1] }

    private func rule(_ formula: String, red: Double, green: Double, blue: Double, index: Int) -> JSONValue {
        [
            "addConditionalFormatRule": [
                "index": .number(Double(index)),
                "rule": [
                    "ranges": [rows],
                    "booleanRule": [
                        "condition": ["type": "CUSTOM_FORMULA", "values": [["userEnteredValue": .string(formula)]]],
                        "format": ["backgroundColor": ["red": .number(red), "green": .number(green), "blue": .number(blue)]],
                    ],
                ],
            ]
        ]
    }

    package var requests: [JSONValue] {
        let closed = LeadStatus.allCases.filter { !$0.isOpen }.map { JSONValue.string($0.rawValue) }
        let index = { (column: SheetColumn) in JSONValue.number(Double(SheetColumn.allCases.firstIndex(of: column)!)) }
        return [
            rule(Self.emergencyFormula, red: 0.98, green: 0.80, blue: 0.80, index: 0),
            rule(Self.overdueFormula, red: 1.0, green: 0.92, blue: 0.70, index: 1),
            [
                "addFilterView": [
                    "filter": [
                        "title": .string(Self.filterViewTitle),
                        "range": ["sheetId": .number(Double(sheetID)), "startRowIndex": 0],
                        "sortSpecs": [["dimensionIndex": index(.dueBy), "sortOrder": "ASCENDING"]],
                        "filterSpecs": [["columnIndex": index(.status), "filterCriteria": ["hiddenValues": .array(closed)]]],
                    ]
                ]
            ],
        ]
    }
}
