import Foundation
import RingbackJSON

/// The emulator's own paths under /emulator/ (not Google's): counts, a sheet's grid (as JSON, or as a
/// read-only page at `/emulator/spreadsheets/{id}/{tab}/view`), a calendar's events, and faults, for the
/// executable and the demo.
extension EmulatorState {
    mutating func serveAdmin(_ request: HTTPRequestData, path: [String]) -> HTTPResponseData {
        switch (request.method, path.first, path.count) {
        case ("GET", "stats", 1):
            return .json(200, .object(counts.mapValues { .number(Double($0)) }))
        case ("GET", "spreadsheets", 3):
            guard let grid = formattedGrid(spreadsheetID: path[1], sheet: path[2]) else {
                return .json(404, ["error": "no such spreadsheet or sheet"])
            }
            return .json(200, ["values": .array(grid.map { .array($0.map(JSONValue.string)) })])
        case ("GET", "spreadsheets", 4) where path[3] == "view":
            guard let page = htmlView(spreadsheetID: path[1], sheet: path[2]) else {
                return .json(404, ["error": "no such spreadsheet or sheet"])
            }
            return HTTPResponseData(status: 200, headers: [("Content-Type", "text/html; charset=UTF-8")], body: Array(page.utf8))
        case ("GET", "calendars", 3) where path[2] == "events":
            guard let calendar = calendars[path[1]] else { return .json(404, ["error": "no such calendar"]) }
            return .json(200, ["items": .array(calendar.events.values.sorted { $0.order < $1.order }.map { calendar.resource($0) })])
        case ("POST", "faults", 1):
            guard let body = try? JSONValue.parse(request.body) else { return .json(400, ["error": "body must be JSON"]) }
            if let latency = body["latency"]?.number { faults.latency = latency }
            if let rate = body["rate"]?.number { faults.rate = rate }
            if let stall = body["stallSeconds"]?.number { faults.stallSeconds = stall }
            if let kinds = body["kinds"]?.array {
                let parsed = kinds.compactMap { $0.string.flatMap(FaultKind.init(rawValue:)) }
                guard parsed.count == kinds.count else { return .json(400, ["error": "unknown fault kind"]) }
                faults.kinds = parsed
            }
            return .json(
                200,
                [
                    "latency": .number(faults.latency), "rate": .number(faults.rate),
                    "stallSeconds": .number(faults.stallSeconds), "kinds": .array(faults.kinds.map { .string($0.rawValue) }),
                ])
        default:
            return .json(404, ["error": "unknown emulator path"])
        }
    }

    func htmlView(spreadsheetID: String, sheet: String) -> String? {
        guard let doc = spreadsheets[spreadsheetID], let index = doc.sheetIndex(title: sheet),
            let values = formattedGrid(spreadsheetID: spreadsheetID, sheet: sheet)
        else { return nil }
        return SheetHTMLView.page(spreadsheetTitle: doc.title, grid: doc.sheets[index], values: values)
    }

    func formattedGrid(spreadsheetID: String, sheet: String) -> [[String]]? {
        guard let doc = spreadsheets[spreadsheetID], let index = doc.sheetIndex(title: sheet) else { return nil }
        let grid = doc.sheets[index]
        let options = try! RenderOptions(value: nil, dateTime: nil)
        return CellRendering.values(grid, grid.fullRect, options, columnsMajor: false).map { $0.map { $0.string ?? "" } }
    }
}
