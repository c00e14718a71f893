import RingbackCore
import RingbackJSON

/// The tabs where the office sees every run without a log: `Ringback Status` gets one line per run,
/// `Rejected Records` one line per record Ringback could not read. Each is appended to (one request);
/// a tab that is not there yet is added with its header first.
extension GoogleSheetTarget {
    package static let statusTab = "Ringback Status"
    package static let rejectsTab = "Rejected Records"

    package func record(_ report: RunReport) throws(GoogleTargetError) {
        do {
            try append([Self.row(report)], to: Self.statusTab, header: RunReport.header)
            if !report.rejects.isEmpty {
                try append(report.rejectCells.map { $0.map(JSONValue.string) }, to: Self.rejectsTab, header: RunReport.rejectHeader)
            }
        } catch {
            throw GoogleTargetError(target: label, error)
        }
    }

    private static func row(_ report: RunReport) -> [JSONValue] {
        let counts = [report.filesRead, report.newCalls, report.leads, report.rejects.count, report.problems]
        return [.string(report.finishedAt)] + counts.map { .number(Double($0)) } + [.string(report.summary)]
    }

    private func append(_ rows: [[JSONValue]], to tab: String, header: [String]) throws(GoogleAPIError) {
        let range = A1.quoted(sheet: tab) + "!A1"
        do {
            try service.appendValues(spreadsheetID: spreadsheetID, range: range, values: rows)
        } catch  where Self.isMissingRange(error) {
            // Google picks the tab's id: a tab the office renamed keeps the id a fixed one would reuse.
            _ = try service.batchUpdate(
                spreadsheetID: spreadsheetID,
                requests: [
                    [
                        "addSheet": [
                            "properties": [
                                "title": .string(tab),
                                "gridProperties": ["rowCount": 1_000, "columnCount": .number(Double(header.count)), "frozenRowCount": 1],
                            ]
                        ]
                    ]
                ])
            let all = [header.map(JSONValue.string)] + rows
            try service.batchUpdateValues(
                spreadsheetID: spreadsheetID,
                data: [SheetsValueRange(range: A1.range(sheet: tab, row: 1, column: 0, rows: all.count, columns: header.count), values: all)])
        }
    }
}
