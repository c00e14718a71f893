import Foundation
import RingbackJSON

/// The emulator's own paths under /emulator/ (not Google's): counts, a sheet's grid (as JSON, or as a
/// read-only page at `/emulator/spreadsheets/{id}/{tab}/view`), a calendar's events, the crew's edits,
/// moves and deletions of events, expiring sync tokens, and faults, for the executable, the demo and tests.
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
        case (_, "calendars", _), ("POST", "sync-tokens", 2):
            return serveCalendarAdmin(request, path: path)
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

    /// A calendar's events, and what the crew does to them in the Calendar app.
    private mutating func serveCalendarAdmin(_ request: HTTPRequestData, path: [String]) -> HTTPResponseData {
        switch (request.method, path.first, path.count) {
        case ("GET", "calendars", 3) where path[2] == "events":
            guard let calendar = calendars[path[1]] else { return .json(404, ["error": "no such calendar"]) }
            return .json(200, ["items": .array(calendar.events.values.sorted { $0.order < $1.order }.map { calendar.resource($0) })])
        case ("PATCH", "calendars", 4) where path[2] == "events":
            // The crew editing an event in the Calendar app (new times, a new title).
            guard let patch = try? JSONValue.parse(request.body), patch.object != nil else {
                return .json(400, ["error": "body must be a JSON object"])
            }
            do {
                return .json(200, try crewPatch(calendarID: path[1], eventID: path[3], patch, now: Date()))
            } catch {
                return error.response
            }
        case ("DELETE", "calendars", 4) where path[2] == "events":
            return crewDelete(calendarID: path[1], eventID: path[3], now: Date()) ? .empty(204) : .json(404, ["error": "no such live event"])
        case ("POST", "calendars", 5) where path[2] == "events" && path[4] == "move":
            guard let destination = (try? JSONValue.parse(request.body))?["destination"]?.string else {
                return .json(400, ["error": "body must be {\"destination\": calendar id}"])
            }
            do {
                return .json(200, try moveEvent(path[3], from: path[1], to: destination, now: Date()))
            } catch {
                return error.response
            }
        case ("POST", "sync-tokens", 2) where path[1] == "expire":
            expireSyncTokens()
            return .empty(204)
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
