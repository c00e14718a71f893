import Foundation
import RingbackJSON

/// Runs one request against the state: authentication, access checks, then the Sheets, Calendar, batch or admin handler.
extension EmulatorState {
    /// Google refuses request bodies over 10 MiB.
    static let payloadLimit = 10_485_760

    mutating func serve(_ request: HTTPRequestData, route: APIRoute, now: Date = Date()) -> HTTPResponseData {
        switch route {
        case .token:
            return TokenEndpoint.handle(request, state: &self, now: now)
        case .admin(let path):
            return serveAdmin(request, path: path)
        case .unknown:
            return .json(404, ["error": ["code": 404, "message": "Not Found", "status": "NOT_FOUND"]])
        case .sheets(let id, let operation):
            if request.body.count > Self.payloadLimit {
                return GoogleError.invalidArgument("Request payload size exceeds the limit: \(Self.payloadLimit) bytes.")
            }
            let caller: String
            switch authenticate(request, scopeWords: ["spreadsheets", "drive"], service: "sheets.googleapis.com", legacy: false, now: now) {
            case .failure(let failure): return failure.response
            case .success(let email): caller = email
            }
            guard let doc = spreadsheets[id] else { return GoogleError.notFound }
            if let shared = doc.sharedWith, !shared.contains(caller) { return GoogleError.permissionDenied }
            let pool = (0..<4).map { _ in Int(random.next() % 2_147_483_646) + 1 }
            var handler = SheetsHandler(doc: doc, request: request, idPool: pool)
            do {
                let reply = try handler.perform(operation)
                if handler.changed { spreadsheets[id] = handler.doc }
                return .json(200, reply)
            } catch {
                return error.response
            }
        case .calendar(let calendarID, let operation):
            if request.body.count > Self.payloadLimit {
                return GoogleError.calendar(400, reason: "badRequest", "Request payload size exceeds the limit: \(Self.payloadLimit) bytes.")
            }
            let caller: String
            switch authenticate(request, scopeWords: ["calendar"], service: "calendar-json.googleapis.com", legacy: true, now: now) {
            case .failure(let failure): return failure.response
            case .success(let email): caller = email
            }
            guard let calendar = calendars[calendarID], calendar.sharedWith.map({ $0.contains(caller) }) ?? true else {
                return CalendarHandler.notFound.response
            }
            var handler = CalendarHandler(calendar: calendar, request: request, clock: calendarClock, syncEpoch: syncEpoch,
                                          generatedID: randomID(length: 26, alphabet: "0123456789abcdefghijklmnopqrstuv"), now: now)
            do {
                let response = try handler.perform(operation)
                calendars[calendarID] = handler.calendar
                calendarClock = handler.clock
                return response
            } catch {
                return error.response
            }
        case .calendarBatch:
            return serveBatch(request, now: now)
        }
    }

    private func authenticate(_ request: HTTPRequestData, scopeWords: [String], service: String, legacy: Bool,
                              now: Date) -> Result<String, APIFailure> {
        guard let header = request.header("Authorization"), header.lowercased().hasPrefix("bearer ") else {
            return .failure(APIFailure(GoogleError.unauthenticated(.missing, legacy: legacy, service: service)))
        }
        guard let grant = accessTokens[String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)] else {
            return .failure(APIFailure(GoogleError.unauthenticated(.invalid, legacy: legacy, service: service)))
        }
        guard grant.expires > now else {
            return .failure(APIFailure(GoogleError.unauthenticated(.expired, legacy: legacy, service: service)))
        }
        if let scopes = grant.scopes, !scopes.contains(where: { scope in scopeWords.contains { scope.contains($0) } }) {
            return .failure(APIFailure(GoogleError.insufficientScopes(service: service)))
        }
        return .success(grant.email)
    }

    private mutating func serveBatch(_ request: HTTPRequestData, now: Date) -> HTTPResponseData {
        guard let boundary = BatchMultipart.boundary(fromContentType: request.header("Content-Type")),
              let parts = BatchMultipart.parse(request.body, boundary: boundary) else {
            return GoogleError.calendar(400, reason: "badRequest", "Invalid multipart request.")
        }
        guard !parts.isEmpty else { return GoogleError.calendar(400, reason: "badRequest", "Batch request is empty.") }
        guard parts.count <= 1000 else {
            return GoogleError.calendar(400, reason: "badRequest", "A batch request cannot contain more than 1000 requests.")
        }
        var responses: [(contentID: String?, response: HTTPResponseData)] = []
        for part in parts {
            var inner = part.request
            for header in request.headers where inner.header(header.name) == nil {
                let name = header.name.lowercased()
                if name == "content-type" || name == "content-length" || name == "expect" { continue }
                inner.headers.append(header)
            }
            let route = APIRoute.classify(method: inner.method, rawPath: inner.rawPath)
            guard case .calendar = route else {
                responses.append((part.contentID, GoogleError.calendar(404, reason: "notFound", "Not Found")))
                continue
            }
            if let name = route.methodName { count(name) }
            if let fault = choosePartFault() {
                responses.append((part.contentID, fault))
                continue
            }
            responses.append((part.contentID, serve(inner, route: route, now: now)))
        }
        let outer = "batch_" + randomID(length: 22, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
        return HTTPResponseData(status: 200, headers: [("Content-Type", "multipart/mixed; boundary=\(outer)")],
                                body: BatchMultipart.render(responses, boundary: outer))
    }

    private mutating func serveAdmin(_ request: HTTPRequestData, path: [String]) -> HTTPResponseData {
        switch (request.method, path.first, path.count) {
        case ("GET", "stats", 1):
            return .json(200, .object(counts.mapValues { .number(Double($0)) }))
        case ("GET", "spreadsheets", 3):
            guard let grid = formattedGrid(spreadsheetID: path[1], sheet: path[2]) else {
                return .json(404, ["error": "no such spreadsheet or sheet"])
            }
            return .json(200, ["values": .array(grid.map { .array($0.map(JSONValue.string)) })])
        case ("GET", "calendars", 3) where path[2] == "events":
            guard let calendar = calendars[path[1]] else { return .json(404, ["error": "no such calendar"]) }
            return .json(200, ["items": .array(calendar.events.values.sorted { $0.order < $1.order }.map { calendar.resource($0) })])
        case ("POST", "faults", 1):
            guard let body = try? RequestJSONParser.parse(request.body) else { return .json(400, ["error": "body must be JSON"]) }
            if let latency = body["latency"]?.number { faults.latency = latency }
            if let rate = body["rate"]?.number { faults.rate = rate }
            if let stall = body["stallSeconds"]?.number { faults.stallSeconds = stall }
            if let kinds = body["kinds"]?.array {
                let parsed = kinds.compactMap { $0.string.flatMap(FaultKind.init(rawValue:)) }
                guard parsed.count == kinds.count else { return .json(400, ["error": "unknown fault kind"]) }
                faults.kinds = parsed
            }
            return .json(200, ["latency": .number(faults.latency), "rate": .number(faults.rate),
                               "stallSeconds": .number(faults.stallSeconds), "kinds": .array(faults.kinds.map { .string($0.rawValue) })])
        default:
            return .json(404, ["error": "unknown emulator path"])
        }
    }

    func formattedGrid(spreadsheetID: String, sheet: String) -> [[String]]? {
        guard let doc = spreadsheets[spreadsheetID], let index = doc.sheetIndex(title: sheet) else { return nil }
        let grid = doc.sheets[index]
        let options = try! RenderOptions(value: nil, dateTime: nil)
        return CellRendering.values(grid, grid.fullRect, options, columnsMajor: false).map { $0.map { $0.string ?? "" } }
    }
}
