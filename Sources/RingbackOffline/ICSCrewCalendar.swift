import Foundation
import RingbackCodecs
import RingbackCore
import RingbackNormalisation

/// A crew's calendar as an `.ics` file (exported from Google Calendar, iCloud or Outlook, or a
/// subscription saved to disk): every opaque event is busy, recurring ones expanded (RRULE, RDATE,
/// EXDATE, moved or cancelled instances by RECURRENCE-ID); single events are also read as jobs, for
/// the leads a person booked there. Times without a zone are the crew's (`floating`).
public struct ICSCrewCalendar: CrewCalendarSource {
    public let crew: String
    public let path: String
    public let floating: LocalZone

    public init(crew: String, path: String, floating: LocalZone) {
        self.crew = crew
        self.path = path
        self.floating = floating
    }

    public var crews: [String] { [crew] }

    public func read(from: Date, to: Date) -> CrewAvailability {
        guard let data = FileManager.default.contents(atPath: path) else {
            return CrewAvailability(unreadable: [crew: "cannot read \(path)"])
        }
        let root = ICSNode.parse(LenientText.decode([UInt8](data)))
        guard !root.components("VCALENDAR").isEmpty else {
            return CrewAvailability(unreadable: [crew: "\(path) is not an iCalendar file (no BEGIN:VCALENDAR)"])
        }
        let zones = ICSZoneResolver(root, year: LocalZone.utc.components(of: from).year)
        return read(root.components("VEVENT"), zones: zones, from: from, to: to)
    }

    func read(_ events: [ICSNode], zones: ICSZoneResolver, from: Date, to: Date) -> CrewAvailability {
        var reading = CrewAvailability(busy: [crew: []])
        var moved: [String: Set<Date>] = [:]
        for event in events {
            guard let uid = event.first("UID")?.value, let id = event.first("RECURRENCE-ID"),
                let time = try? ICSTime.parse(id, floating: floating, zones: zones).first
            else { continue }
            moved[uid, default: []].insert(time.instant)
        }
        for event in events {
            do {
                try add(event, moved: moved[event.first("UID")?.value ?? ""] ?? [], zones: zones, from: from, to: to, into: &reading)
            } catch {
                let summary = event.first("SUMMARY").map { ICSNode.text($0.value) } ?? "an event"
                reading.problems.append("crew calendar `\(crew)` (\(path)): \(summary) skipped: \(error)")
            }
        }
        reading.busy[crew]?.sort()
        return reading
    }

    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    private func add(
        _ event: ICSNode, moved: Set<Date>, zones: ICSZoneResolver, from: Date, to: Date, into reading: inout CrewAvailability
    ) throws {
        if event.first("STATUS")?.value.uppercased() == "CANCELLED" { return }
        guard let startProperty = event.first("DTSTART") else { throw Unreadable(description: "it has no DTSTART") }
        let start = try time(startProperty, zones: zones)
        let length = try self.length(event, start: start, zones: zones)
        var starts = [start.local]
        let recurring = event.first("RRULE") != nil && event.first("RECURRENCE-ID") == nil
        if recurring, let rule = event.first("RRULE") {
            do {
                starts = try RecurrenceRule(rule.value).occurrences(from: start, through: to)
            } catch {
                throw Unreadable(description: error.description)
            }
            starts += try event.all("RDATE").flatMap { try ICSTime.parse($0, floating: start.zone, zones: zones) }.map(\.local)
            let excluded = try Set(event.all("EXDATE").flatMap { try ICSTime.parse($0, floating: start.zone, zones: zones) }.map(\.instant))
            starts = starts.filter { local in
                let instant = start.zone.date(from: local)
                return !excluded.contains(instant) && !moved.contains(instant)
            }
        }
        let opaque = event.first("TRANSP")?.value.uppercased() != "TRANSPARENT"
        for local in starts {
            let begins = start.zone.date(from: local)
            let ends = length.days > 0 ? start.zone.date(from: local.addingDays(length.days)) : begins.addingTimeInterval(length.seconds)
            guard ends > from, begins < to else { continue }
            if opaque, ends > begins { reading.busy[crew, default: []].append(BusyInterval(start: begins, end: ends)) }
            if !recurring && !start.allDay {
                reading.jobs.append(
                    CrewJobEvent(
                        crew: crew, start: begins, end: ends, title: event.first("SUMMARY").map { ICSNode.text($0.value) } ?? "",
                        details: event.first("DESCRIPTION").map { ICSNode.text($0.value) } ?? "",
                        location: event.first("LOCATION").map { ICSNode.text($0.value) } ?? ""))
            }
        }
    }

    private func time(_ property: ICSNode.Property, zones: ICSZoneResolver) throws -> ICSTime {
        do {
            guard let time = try ICSTime.parse(property, floating: floating, zones: zones).first else {
                throw Unreadable(description: "\(property.name) is empty")
            }
            return time
        } catch let problem as ICSTime.Problem {
            switch problem {
            case .unreadable(let text): throw Unreadable(description: "\(property.name) `\(text)` is not a date or date-time")
            case .unknownZone(let tzid): throw Unreadable(description: "\(property.name) names the zone `\(tzid)`, which Ringback does not know")
            }
        }
    }

    /// How long each occurrence lasts: whole local days for all-day events, else seconds (DTEND or DURATION).
    private func length(_ event: ICSNode, start: ICSTime, zones: ICSZoneResolver) throws -> (days: Int, seconds: TimeInterval) {
        if let endProperty = event.first("DTEND") {
            let end = try time(endProperty, zones: zones)
            if start.allDay {
                let days = Int((end.zone.date(from: end.local).timeIntervalSince(start.instant) / 86400).rounded())
                return (max(days, 1), 0)
            }
            return (0, max(end.instant.timeIntervalSince(start.instant), 0))
        }
        if let duration = event.first("DURATION") {
            guard let seconds = Self.duration(duration.value) else {
                throw Unreadable(description: "DURATION `\(duration.value)` is not like PT1H30M")
            }
            return start.allDay && seconds.truncatingRemainder(dividingBy: 86400) == 0 ? (Int(seconds / 86400), 0) : (0, seconds)
        }
        return start.allDay ? (1, 0) : (0, 0)
    }

    /// An RFC 5545 DURATION such as `PT1H30M`, `P1D`, `P1W`.
    static func duration(_ text: String) -> TimeInterval? {
        var seconds: TimeInterval = 0
        var number = ""
        var sawP = false
        for character in text.uppercased() {
            switch character {
            case "+": continue
            case "P": sawP = true
            case "T": continue
            case "0"..."9": number.append(character)
            case "W", "D", "H", "M", "S":
                guard let value = Double(number) else { return nil }
                let unit: TimeInterval = ["W": 604_800, "D": 86400, "H": 3600, "M": 60, "S": 1][character]!
                seconds += value * unit
                number = ""
            default: return nil
            }
        }
        return sawP && number.isEmpty ? seconds : nil
    }
}
