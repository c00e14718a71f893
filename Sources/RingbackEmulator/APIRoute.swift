import RingbackCodecs

/// Which endpoint a request is for, read from Google's real paths.
enum APIRoute {
    case token
    case admin([String])
    case sheets(spreadsheetID: String, SheetsOperation)
    case calendar(calendarID: String, CalendarOperation)
    case calendarBatch
    case freeBusy
    case unknown

    /// The name requests are counted under; nil for the emulator's own admin paths.
    var methodName: String? {
        switch self {
        case .token: "token"
        case .admin: nil
        case .sheets(_, let operation): operation.methodName
        case .calendar(_, let operation): operation.methodName
        case .calendarBatch: "calendar.batch"
        case .freeBusy: "calendar.freebusy.query"
        case .unknown: "unknown"
        }
    }

    var isAPI: Bool {
        switch self {
        case .sheets, .calendar, .calendarBatch, .freeBusy: true
        default: false
        }
    }

    var isCalendar: Bool {
        switch self {
        case .calendar, .calendarBatch, .freeBusy: true
        default: false
        }
    }

    static func classify(method: String, rawPath: String) -> APIRoute {
        if rawPath == "/token" || rawPath == "/oauth2/v4/token" { return method == "POST" ? .token : .unknown }
        if rawPath.hasPrefix("/emulator/") {
            return .admin(rawPath.dropFirst("/emulator/".count).split(separator: "/").map { PercentEncoding.decode(String($0)) })
        }
        if rawPath == "/batch/calendar/v3" { return method == "POST" ? .calendarBatch : .unknown }
        if rawPath == "/calendar/v3/freeBusy" { return method == "POST" ? .freeBusy : .unknown }
        if rawPath.hasPrefix("/v4/spreadsheets/") { return sheets(method: method, rest: String(rawPath.dropFirst("/v4/spreadsheets/".count))) }
        if rawPath.hasPrefix("/calendar/v3/calendars/") {
            let parts = rawPath.dropFirst("/calendar/v3/calendars/".count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, parts[1] == "events", !parts[0].isEmpty else { return .unknown }
            let calendarID = PercentEncoding.decode(parts[0])
            if parts.count == 2 {
                switch method {
                case "POST": return .calendar(calendarID: calendarID, .insert)
                case "GET": return .calendar(calendarID: calendarID, .list)
                default: return .unknown
                }
            }
            if parts.count == 4, parts[3] == "move", !parts[2].isEmpty {
                return method == "POST" ? .calendar(calendarID: calendarID, .move(PercentEncoding.decode(parts[2]))) : .unknown
            }
            guard parts.count == 3, !parts[2].isEmpty else { return .unknown }
            let eventID = PercentEncoding.decode(parts[2])
            switch method {
            case "GET": return .calendar(calendarID: calendarID, .get(eventID))
            case "PATCH": return .calendar(calendarID: calendarID, .patch(eventID))
            case "PUT": return .calendar(calendarID: calendarID, .update(eventID))
            case "DELETE": return .calendar(calendarID: calendarID, .delete(eventID))
            default: return .unknown
            }
        }
        return .unknown
    }

    private static func sheets(method: String, rest: String) -> APIRoute {
        let idEnd = rest.firstIndex { $0 == "/" || $0 == ":" } ?? rest.endIndex
        let id = PercentEncoding.decode(String(rest[..<idEnd]))
        let tail = String(rest[idEnd...])
        let operation: SheetsOperation?
        switch tail {
        case "": operation = .get
        case ":batchUpdate": operation = .batchUpdate
        case "/values:batchGet": operation = .valuesBatchGet
        case "/values:batchUpdate": operation = .valuesBatchUpdate
        case "/values:batchClear": operation = .valuesBatchClear
        default:
            guard tail.hasPrefix("/values/") else { return .unknown }
            let range = String(tail.dropFirst("/values/".count))
            if range.hasSuffix(":append") {
                operation = .valuesAppend(PercentEncoding.decode(String(range.dropLast(":append".count))))
            } else if range.hasSuffix(":clear") {
                operation = .valuesClear(PercentEncoding.decode(String(range.dropLast(":clear".count))))
            } else if method == "PUT" {
                operation = .valuesUpdate(PercentEncoding.decode(range))
            } else {
                operation = .valuesGet(PercentEncoding.decode(range))
            }
        }
        guard let operation, !id.isEmpty, operation.httpMethod == method else { return .unknown }
        return .sheets(spreadsheetID: id, operation)
    }
}
