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
            return serveSheets(request, spreadsheetID: id, operation: operation, now: now)
        case .calendar(let calendarID, let operation):
            return serveCalendar(request, calendarID: calendarID, operation: operation, now: now)
        case .calendarBatch:
            return serveBatch(request, now: now)
        case .freeBusy:
            switch authenticate(request, scopeWords: ["calendar"], service: "calendar-json.googleapis.com", legacy: true, now: now) {
            case .failure(let failure): return failure.response
            case .success(let caller):
                let token = String((request.header("Authorization") ?? "").dropFirst(7)).trimmingCharacters(in: .whitespaces)
                if let scopes = accessTokens[token]?.scopes, !scopes.contains(where: FreeBusyHandler.scopes.contains) {
                    return GoogleError.insufficientScopes(service: "calendar-json.googleapis.com")
                }
                return FreeBusyHandler(calendars: calendars, caller: caller).handle(request.body)
            }
        }
    }

    private mutating func serveSheets(
        _ request: HTTPRequestData, spreadsheetID id: String, operation: SheetsOperation, now: Date
    ) -> HTTPResponseData {
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
    }

    private mutating func serveCalendar(
        _ request: HTTPRequestData, calendarID: String, operation: CalendarOperation, now: Date
    ) -> HTTPResponseData {
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
        if case .move(let eventID) = operation {
            guard let destination = request.queryValue("destination") else {
                return GoogleError.calendar(400, reason: "required", "Required parameter: destination")
            }
            guard let target = calendars[destination], target.sharedWith.map({ $0.contains(caller) }) ?? true else {
                return CalendarHandler.notFound.response
            }
            do {
                return .json(200, try moveEvent(eventID, from: calendarID, to: destination, now: now))
            } catch {
                return error.response
            }
        }
        var handler = CalendarHandler(
            calendar: calendar, request: request, clock: calendarClock, syncEpoch: syncEpoch,
            generatedID: randomID(length: 26, alphabet: "0123456789abcdefghijklmnopqrstuv"), now: now)
        do {
            let response = try handler.perform(operation)
            calendars[calendarID] = handler.calendar
            calendarClock = handler.clock
            return response
        } catch {
            return error.response
        }
    }

    private func authenticate(
        _ request: HTTPRequestData, scopeWords: [String], service: String, legacy: Bool,
        now: Date
    ) -> Result<String, APIFailure> {
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
}
