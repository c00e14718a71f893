import Foundation
import RingbackNormalisation

/// A DTSTART/DTEND/EXDATE/RECURRENCE-ID value: a UTC time (`…Z`), a time in a named zone (`TZID=`), a
/// floating time (read in the crew's zone), or a whole day (`VALUE=DATE`).
struct ICSTime: Sendable, Hashable {
    var local: LocalDateTime
    var zone: LocalZone
    var allDay: Bool

    var instant: Date { zone.date(from: local) }

    /// Zones Outlook and Exchange write by their Windows names.
    static let windowsZones: [String: String] = [
        "Eastern Standard Time": "America/New_York", "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver", "US Mountain Standard Time": "America/Phoenix",
        "Pacific Standard Time": "America/Los_Angeles", "Alaskan Standard Time": "America/Anchorage",
        "Hawaiian Standard Time": "Pacific/Honolulu", "GMT Standard Time": "Europe/London", "UTC": "UTC",
    ]

    /// The IANA zone a TZID names: as is, by its Windows name, or by the IANA tail of a vendor prefix
    /// (`/mozilla.org/20050126_1/America/Denver`).
    static func zone(named tzid: String) -> LocalZone? {
        if let zone = try? LocalZone(identifier: tzid) { return zone }
        if let mapped = windowsZones[tzid], let zone = try? LocalZone(identifier: mapped) { return zone }
        let parts = tzid.split(separator: "/")
        for start in parts.indices.reversed().dropFirst() {
            if let zone = try? LocalZone(identifier: parts[start...].joined(separator: "/")) { return zone }
        }
        return nil
    }

    enum Problem: Error {
        case unreadable(String)
        case unknownZone(String)
    }

    static func parse(_ value: String, tzid: String?, dateOnly: Bool, floating: LocalZone, zones: ICSZoneResolver? = nil) throws(Problem) -> ICSTime {
        let text = value.trimmingCharacters(in: .whitespaces)
        let digits = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= digits.count else { return nil }
            return Int(String(decoding: digits[from..<from + count], as: UTF8.self))
        }
        guard let year = number(0, 4), let month = number(4, 2), let day = number(6, 2) else { throw .unreadable(text) }
        if dateOnly || digits.count == 8 {
            return ICSTime(local: LocalDateTime(year: year, month: month, day: day), zone: floating, allDay: true)
        }
        guard digits.count >= 15, digits[8] == UInt8(ascii: "T"), let hour = number(9, 2), let minute = number(11, 2),
            let second = number(13, 2)
        else { throw .unreadable(text) }
        let local = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        if text.hasSuffix("Z") { return ICSTime(local: local, zone: .utc, allDay: false) }
        if let tzid {
            guard let zone = zones?.zone(named: tzid) ?? zone(named: tzid) else { throw .unknownZone(tzid) }
            return ICSTime(local: local, zone: zone, allDay: false)
        }
        return ICSTime(local: local, zone: floating, allDay: false)
    }

    static func parse(_ property: ICSNode.Property, floating: LocalZone, zones: ICSZoneResolver? = nil) throws(Problem) -> [ICSTime] {
        var times: [ICSTime] = []
        for part in property.value.split(separator: ",") {
            times.append(
                try parse(
                    String(part), tzid: property.parameter("TZID"), dateOnly: property.parameter("VALUE") == "DATE", floating: floating,
                    zones: zones))
        }
        return times
    }
}
