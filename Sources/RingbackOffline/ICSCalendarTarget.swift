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

    /// Reads floating times and dates an app wrote into the file.
    package var zone: LocalZone = .utc

    /// The events the file holds now, keyed by UID: to adopt after an interrupted run, and to see what
    /// the crew changed in it.
    package func load() throws(OfflineTargetError) -> [String: FoundEvent] {
        try load(settling: []).found
    }

    /// The file's events, those with a UID in `frozen` (frozen leads') set apart unparsed.
    package func load(settling frozen: Set<String>) throws(OfflineTargetError) -> ICSFileContents {
        guard let bytes = try AtomicFile.read(path) else { return ICSFileContents(found: [:]) }
        guard !frozen.isEmpty else { return ICSFileContents(found: EventICalCoding.events(in: LenientText.decode(bytes), zone: zone)) }
        let contents = ICSFileContents(bytes, settling: frozen)
        return ICSFileContents(
            found: EventICalCoding.events(in: LenientText.decode(contents.rest), zone: zone), settled: contents.settled)
    }

    /// The file: every event, cancelled ones included, except those the crew deleted from it; `settled`
    /// (frozen leads' events as read) copied through before the calendar's end.
    package func render(_ events: [SyncedEvent], settled: [UInt8] = []) -> [UInt8] {
        let calendar = EventICalCoding.calendar(events.filter { $0.movedTo == nil && (!$0.removedByCrew || $0.event.cancelled) }, name: name)
        guard !settled.isEmpty else { return calendar }
        let end = Array("END:VCALENDAR\r\n".utf8)
        guard calendar.count >= end.count, calendar.suffix(end.count).elementsEqual(end) else { return calendar }
        return Array(calendar.dropLast(end.count)) + ICSFileContents.crlf(settled) + end
    }
}
