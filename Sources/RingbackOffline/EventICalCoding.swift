import Foundation
import RingbackCodecs
import RingbackCore
import RingbackNormalisation

/// One Ringback event as an iCalendar VEVENT and back: the ICS file and CalDAV resources write and read
/// events the same way. Reading accepts what calendar apps write when the crew edits an event: times in
/// UTC, with a TZID, floating (taken in the business's zone) or all-day dates.
package enum EventICalCoding {
    package static let prodID = "-//Ringback//Missed-call follow-up//EN"

    /// The VEVENT of an event as the calendar should show it (the crew's times where it moved it).
    package static func component(_ synced: SyncedEvent) -> ICalComponent {
        let event = synced.shown
        var properties: [ICalProperty] = [
            .raw("UID", event.uid),
            ICalProperty(name: "DTSTAMP", value: .utcDateTime(synced.revisedAt)),
            ICalProperty(name: "DTSTART", value: .utcDateTime(event.start)),
            ICalProperty(name: "DTEND", value: .utcDateTime(event.end)),
            .text("SUMMARY", event.title),
            .text("DESCRIPTION", event.details),
            ICalProperty(name: "SEQUENCE", value: .integer(synced.sequence)),
            .raw("STATUS", event.cancelled ? "CANCELLED" : "CONFIRMED"),
            .text("CATEGORIES", event.kind == .callback ? "Callback" : "Job"),
            .raw("TRANSP", event.kind == .callback ? "TRANSPARENT" : "OPAQUE"),
            .text("X-RINGBACK-LEAD-ID", event.leadID),
            .text("X-RINGBACK-OWNER", event.owner),
        ]
        if !event.location.isEmpty { properties.insert(.text("LOCATION", event.location), at: 6) }
        return ICalComponent(name: "VEVENT", properties: properties)
    }

    /// A VCALENDAR of the given events.
    package static func calendar(_ events: [SyncedEvent], name: String? = nil) -> [UInt8] {
        ICalendarWriter().bytes(
            ICalendar(prodID: prodID, properties: name.map { [.text("X-WR-CALNAME", $0)] } ?? [], components: events.map(component)))
    }

    /// Ringback's events in an iCalendar text, keyed by UID; events of others (no Ringback lead id and a
    /// UID Ringback did not make) are left out. `zone` reads floating times and dates.
    package static func events(in text: String, zone: LocalZone) -> [String: FoundEvent] {
        var found: [String: FoundEvent] = [:]
        for properties in ICalendarReader.components(named: "VEVENT", in: text) {
            var values: [String: ICalendarReader.Property] = [:]
            for property in properties where values[property.name] == nil { values[property.name] = property }
            guard let uid = values["UID"]?.value, values["RECURRENCE-ID"] == nil,
                values["X-RINGBACK-LEAD-ID"] != nil || uid.hasSuffix("@ringback"),
                let start = values["DTSTART"].flatMap({ instant($0, zone: zone) })
            else { continue }
            let end = values["DTEND"].flatMap { instant($0, zone: zone) } ?? start
            let text = { (name: String) in values[name]?.value ?? "" }
            let event = CalendarEvent(
                uid: uid, leadID: text("X-RINGBACK-LEAD-ID"), kind: text("CATEGORIES").contains("Job") ? .job : .callback,
                title: text("SUMMARY"), details: text("DESCRIPTION"), location: text("LOCATION"),
                start: start, end: end, owner: text("X-RINGBACK-OWNER"), cancelled: text("STATUS").uppercased() == "CANCELLED")
            found[uid] = FoundEvent(
                event: event, sequence: Int(text("SEQUENCE")) ?? 0,
                stampedAt: values["DTSTAMP"].flatMap { instant($0, zone: .utc) } ?? start)
        }
        return found
    }

    private static let utcPattern = try! LocalPattern("yyyyMMdd'T'HHmmss'Z'")
    private static let localPattern = try! LocalPattern("yyyyMMdd'T'HHmmss")
    private static let datePattern = try! LocalPattern("yyyyMMdd")

    /// A DATE-TIME in UTC, with a TZID, or floating; or a DATE (the day's start in `zone`).
    static func instant(_ property: ICalendarReader.Property, zone: LocalZone) -> Date? {
        let text = property.value.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("Z") { return TimestampParser.local(text, pattern: utcPattern, zone: .utc) }
        let local = property.parameters["TZID"].flatMap { try? LocalZone(identifier: $0) } ?? zone
        if text.count == 8 { return TimestampParser.local(text, pattern: datePattern, zone: local) }
        return TimestampParser.local(text, pattern: localPattern, zone: local)
    }
}
