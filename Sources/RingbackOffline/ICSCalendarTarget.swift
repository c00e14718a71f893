import Foundation
import RingbackCodecs
import RingbackCore
import RingbackNormalisation

/// The offline calendar: one RFC 5545 file of callback tasks and job appointments with stable UIDs,
/// SEQUENCE raised on change and cancelled events kept as STATUS:CANCELLED.
package struct ICSCalendarTarget: Sendable {
    package let path: String
    package let name: String
    /// What the state knows this calendar by: its path relative to the configuration's folder.
    package let label: String

    package init(path: String, name: String, label: String? = nil) {
        self.path = path
        self.name = name
        self.label = label ?? path
    }

    package var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// The events the file holds now, keyed by UID, for the planner to adopt after an interrupted run.
    package func load() throws(OfflineTargetError) -> [String: FoundEvent] {
        guard let bytes = try AtomicFile.read(path) else { return [:] }
        var found: [String: FoundEvent] = [:]
        for properties in ICalendarReader.components(named: "VEVENT", in: LenientText.decode(bytes)) {
            var values: [String: String] = [:]
            for property in properties where values[property.name] == nil { values[property.name] = property.value }
            guard let uid = values["UID"], let start = values["DTSTART"].flatMap(Self.utc), let end = values["DTEND"].flatMap(Self.utc) else {
                continue
            }
            let event = CalendarEvent(
                uid: uid, leadID: values["X-RINGBACK-LEAD-ID"] ?? "", kind: values["CATEGORIES"] == "Job" ? .job : .callback,
                title: values["SUMMARY"] ?? "", details: values["DESCRIPTION"] ?? "", location: values["LOCATION"] ?? "",
                start: start, end: end, owner: values["X-RINGBACK-OWNER"] ?? "", cancelled: values["STATUS"] == "CANCELLED")
            found[uid] = FoundEvent(
                event: event, sequence: Int(values["SEQUENCE"] ?? "") ?? 0,
                stampedAt: values["DTSTAMP"].flatMap(Self.utc) ?? start)
        }
        return found
    }

    private static let utcPattern = try! LocalPattern("yyyyMMdd'T'HHmmss'Z'")

    private static func utc(_ text: String) -> Date? {
        TimestampParser.local(text, pattern: utcPattern, zone: .utc)
    }

    package func render(_ events: [SyncedEvent]) -> [UInt8] {
        let components = events.map { synced -> ICalComponent in
            let event = synced.event
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
        let calendar = ICalendar(
            prodID: "-//Ringback//Missed-call follow-up//EN",
            properties: [.text("X-WR-CALNAME", name)],
            components: components)
        return ICalendarWriter().bytes(calendar)
    }

    /// Rewrites the file when the plan changes something or the file went missing.
    package func apply(_ plan: CalendarPlan, base: [String: SyncedEvent]) throws(OfflineTargetError) {
        guard !plan.isEmpty || !exists else { return }
        try AtomicFile.write(render(plan.resultingEvents(base: base)), to: path)
    }
}
