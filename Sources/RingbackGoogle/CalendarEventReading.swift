import Foundation
import RingbackCore
import RingbackJSON
import RingbackNormalisation

/// A Calendar v3 event as Ringback reads it back: whose it is (the Lead ID and kind in the private
/// extended properties, or the deterministic id of an event Ringback knows) and what the crew left of it.
extension CalendarEventResource {
    package static let kindProperty = "ringbackKind"
    package static let ownerProperty = "ringbackOwner"

    /// The UID of Ringback's event this item is: only an item with the id Ringback gives that UID (a copy
    /// the crew made has another id and is theirs). `known` maps event ids to the UIDs Ringback knows,
    /// for items that come back with their id only (deleted ones) or without their properties.
    package static func uid(of item: JSONValue, known: [String: String]) -> String? {
        guard let id = item["id"]?.string else { return nil }
        if let uid = known[id] { return uid }
        let properties = item["extendedProperties"]?["private"]
        guard let lead = properties?[leadIDProperty]?.string, let kind = properties?[kindProperty]?.string.flatMap(EventKind.init(rawValue:))
        else { return nil }
        let uid = LeadEventBuilder.uid(leadID: lead, kind: kind)
        return eventID(uid: uid) == id ? uid : nil
    }

    /// The event as the calendar holds it now, or nil when its times cannot be read. What the item lacks
    /// (properties lost in a move) is taken from the event as Ringback last wrote it.
    package func found(_ item: JSONValue, uid: String, remembered: SyncedEvent?) -> FoundEvent? {
        let properties = item["extendedProperties"]?["private"]
        let kind = properties?[Self.kindProperty]?.string.flatMap(EventKind.init(rawValue:)) ?? remembered?.event.kind
        guard let kind, let lead = properties?[Self.leadIDProperty]?.string ?? remembered?.event.leadID,
            let start = instant(item["start"]), let end = instant(item["end"])
        else { return nil }
        let event = CalendarEvent(
            uid: uid, leadID: lead, kind: kind, title: item["summary"]?.string ?? "", details: item["description"]?.string ?? "",
            location: item["location"]?.string ?? "", start: start, end: max(start, end),
            owner: properties?[Self.ownerProperty]?.string ?? remembered?.event.owner ?? "",
            cancelled: item["status"]?.string == "cancelled")
        let updated = item["updated"]?.string.flatMap { TimestampParser.iso8601($0, defaultZone: .utc) }
        return FoundEvent(
            event: event, sequence: remembered?.sequence ?? item["sequence"]?.int ?? 0,
            stampedAt: updated ?? remembered?.revisedAt ?? Date(timeIntervalSince1970: 0))
    }

    /// A `dateTime` (compared as an instant, whatever zone Google wrote it in), or an all-day `date`
    /// taken from midnight in the business's zone.
    func instant(_ time: JSONValue?) -> Date? {
        if let text = time?["dateTime"]?.string { return TimestampParser.iso8601(text, defaultZone: zone) }
        guard let text = time?["date"]?.string else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return zone.date(from: LocalDateTime(year: parts[0], month: parts[1], day: parts[2]))
    }
}
