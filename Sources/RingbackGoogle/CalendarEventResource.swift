import Foundation
import RingbackCodecs
import RingbackCore
import RingbackJSON
import RingbackNormalisation

/// A Ringback event as a Calendar v3 event resource: a deterministic base32hex id, times with the
/// business's offset and zone name, and the Lead ID in a private extended property.
package struct CalendarEventResource: Sendable {
    package let zone: LocalZone

    package init(zone: LocalZone) {
        self.zone = zone
    }

    package static let leadIDProperty = "ringbackLeadId"

    /// 26 base32hex characters derived from the event's UID: the same on every run, valid as a Calendar event id.
    package static func eventID(uid: String) -> String {
        StableHash.base32hex(uid) + StableHash.base32hex(uid + "\u{1F}calendar")
    }

    /// The resource to insert (with its id) or to patch onto an existing event (without).
    package func body(_ event: CalendarEvent, withID: Bool = true) -> JSONValue {
        var fields: [String: JSONValue] = [
            "summary": .string(LineSafeText.clean(event.title)),
            "description": .string(LineSafeText.clean(event.details)),
            "location": .string(LineSafeText.clean(event.location)),
            "start": time(event.start),
            "end": time(event.end),
            "status": "confirmed",
            "transparency": event.kind == .callback ? "transparent" : "opaque",
            "extendedProperties": [
                "private": [
                    .init(stringLiteral: Self.leadIDProperty): .string(event.leadID),
                    "ringbackKind": .string(event.kind.rawValue),
                    "ringbackOwner": .string(event.owner),
                ]
            ],
        ]
        if withID { fields["id"] = .string(Self.eventID(uid: event.uid)) }
        return .object(fields)
    }

    /// `2026-11-20T09:15:00-06:00` plus the zone's name, so Calendar shows it in the business's time.
    /// A fixed offset that has no IANA name (`+05:30` is `GMT+0530` to Foundation) sends the time alone.
    package func time(_ instant: Date) -> JSONValue {
        guard !zone.identifier.hasPrefix("GMT") else { return ["dateTime": .string(rfc3339(instant))] }
        return ["dateTime": .string(rfc3339(instant)), "timeZone": .string(zone.identifier)]
    }

    package func rfc3339(_ instant: Date) -> String {
        let c = zone.components(of: instant)
        let offset = zone.secondsFromUTC(at: instant)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return
            "\(c.year)-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))\(sign)\(pad(minutes / 60)):\(pad(minutes % 60))"
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
