import RingbackCore
import RingbackJSON

/// JSON coding of a calendar's read state (sync token, address, resources and their tags).
enum CalendarReadStateCoding {
    static func encode(_ state: CalendarReadState) -> String {
        var resources: [String: JSONValue] = [:]
        for (uid, resource) in state.resources {
            var fields: [String: JSONValue] = ["href": .string(resource.href)]
            if let etag = resource.etag { fields["etag"] = .string(etag) }
            resources[uid] = .object(fields)
        }
        var object: [String: JSONValue] = ["incremental": .bool(state.incremental), "resources": .object(resources)]
        if let token = state.syncToken { object["syncToken"] = .string(token) }
        if let location = state.location { object["location"] = .string(location) }
        if !state.calendarTokens.isEmpty { object["calendarTokens"] = .object(state.calendarTokens.mapValues(JSONValue.string)) }
        return JSONValue.object(object).text
    }

    static func decode(_ text: String) throws -> CalendarReadState {
        let value = try JSONValue.parse(Array(text.utf8))
        guard let resources = value["resources"]?.object else { throw JSONParseError(message: "expected resources") }
        var state = CalendarReadState(
            syncToken: value["syncToken"]?.string, location: value["location"]?.string, incremental: value["incremental"]?.bool ?? true)
        for (calendar, token) in value["calendarTokens"]?.object ?? [:] {
            guard let text = token.string else { throw JSONParseError(message: "the sync token of calendar \(calendar) is not text") }
            state.calendarTokens[calendar] = text
        }
        for (uid, resource) in resources {
            guard let href = resource["href"]?.string else { throw JSONParseError(message: "resource \(uid) has no href") }
            state.resources[uid] = .init(href: href, etag: resource["etag"]?.string)
        }
        return state
    }
}
