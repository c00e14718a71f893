import Foundation
import RingbackJSON

/// One stored event. Deleting only marks it cancelled: Calendar keeps it, so its id can never be inserted again.
struct EventRecord {
    var id: String
    /// What the client controls (summary, start, end, extendedProperties, …), after patch merging.
    var fields: [String: JSONValue]
    var status: String
    var created: Date
    var updated: Date
    var sequence: Int
    /// The calendar clock at the last change; sync tokens compare against it.
    var changedAt: Int
    var order: Int
    var start: EventTime
    var end: EventTime
}

/// An emulated calendar: its zone, who may see it, and its events in insertion order.
struct CalendarData {
    var id: String
    var timeZone: String
    var sharedWith: Set<String>?
    var events: [String: EventRecord] = [:]
    var insertions = 0

    var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")! }

    /// The event as events.get returns it. Times are written in the zone the request asked for (`timeZone`), else the
    /// calendar's, as Calendar's discovery document says; the event's own `timeZone` is echoed unchanged.
    func resource(_ event: EventRecord, in responseZone: TimeZone? = nil) -> JSONValue {
        var object = event.fields
        for key in ["start", "end"] {
            guard var time = object[key]?.object else { continue }
            let moment = key == "start" ? event.start : event.end
            if !moment.allDay {
                time["dateTime"] = .string(EventTime.render(moment.instant, in: responseZone ?? zone))
            }
            object[key] = .object(time)
        }
        object["kind"] = "calendar#event"
        object["etag"] = .string(Self.etag(event))
        object["id"] = .string(event.id)
        object["status"] = .string(event.status)
        let eid = Data((event.id + " " + id).utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
        object["htmlLink"] = .string("https://www.google.com/calendar/event?eid=\(eid)")
        object["created"] = .string(EventTime.renderRFC3339UTC(event.created))
        object["updated"] = .string(EventTime.renderRFC3339UTC(event.updated))
        object["creator"] = object["creator"] ?? ["email": .string(id), "self": true]
        object["organizer"] = ["email": .string(id), "self": true]
        object["iCalUID"] = .string(event.id + "@google.com")
        object["sequence"] = .number(Double(event.sequence))
        object["reminders"] = object["reminders"] ?? ["useDefault": true]
        object["eventType"] = object["eventType"] ?? "default"
        return .object(object)
    }

    /// A deleted event as a listing shows it (incremental, or `showDeleted`): "only the id is guaranteed",
    /// so only the id, the status and the entity tag are given, and a client cannot lean on more.
    static func tombstone(_ event: EventRecord) -> JSONValue {
        [
            "kind": "calendar#event", "etag": .string(etag(event)), "id": .string(event.id), "status": "cancelled",
        ]
    }

    /// `"3087189235798000"`: microseconds of the last change, as Google's event tags look.
    static func etag(_ event: EventRecord) -> String {
        "\"\(Int64(event.updated.timeIntervalSince1970 * 1000) * 1000 + Int64(event.changedAt % 1000))\""
    }

    /// Extended properties as Calendar keeps them: keys over 44 characters dropped, values cut to 1024.
    static func limitExtendedProperties(_ fields: inout [String: JSONValue]) {
        guard var extended = fields["extendedProperties"]?.object else { return }
        for scope in ["private", "shared"] {
            guard let members = extended[scope]?.object else { continue }
            var kept: [String: JSONValue] = [:]
            for (key, value) in members where key.count <= 44 {
                if let text = value.string { kept[key] = .string(String(text.prefix(1024))) } else if value != .null { kept[key] = value }
            }
            extended[scope] = .object(kept)
        }
        fields["extendedProperties"] = .object(extended)
    }

    /// JSON merge as events.patch does it: objects merge key by key, `null` removes, everything else replaces.
    static func merge(_ base: JSONValue?, _ patch: JSONValue) -> JSONValue? {
        guard case .object(let changes) = patch else { return patch == .null ? nil : patch }
        var result = base?.object ?? [:]
        for (key, value) in changes { result[key] = merge(result[key], value) }
        return .object(result)
    }
}
