import Foundation
import RingbackCore
import RingbackNormalisation
import RingbackYAML

/// Reads the `booking:` section: appointment lengths by type, buffer, crews with their trades and
/// calendars, bookable hours (the business hours unless given), horizon and minimum notice.
enum BookingLoader {
    static let keys: Set<String> = [
        "appointment_minutes", "appointment_type_by_trade", "default_appointment_type", "buffer_minutes", "horizon_days",
        "minimum_notice_hours", "step_minutes", "hours", "crews",
    ]

    static func load(_ node: YAMLValue?, hours: BusinessHours, base: String, warnings: inout [String]) throws -> BookingSettings? {
        guard let node else { return nil }
        try node.allowOnly(keys)
        var minutes = BookingRules.defaultMinutes
        for (key, value) in try node.optional("appointment_minutes")?.entries() ?? [] where !value.isNull {
            guard let type = AppointmentType(rawValue: key) else { throw value.error("unknown appointment type `\(key)`; expected \(typeNames)") }
            minutes[type] = try value.int(min: 5, max: 12 * 60)
        }
        var byTrade: [String: AppointmentType] = [:]
        for (trade, value) in try node.optional("appointment_type_by_trade")?.entries() ?? [] where !value.isNull {
            byTrade[trade] = try type(value)
        }
        let crewsNode = try node.required("crews")
        var crews: [Crew] = []
        var calendars: [(crew: String, source: BookingSettings.CalendarSource)] = []
        for item in try crewsNode.items() {
            let (crew, source) = try self.crew(item, base: base, warnings: &warnings)
            guard !crews.contains(where: { $0.name == crew.name }) else { throw item.error("crew name `\(crew.name)` is used twice") }
            crews.append(crew)
            calendars.append((crew.name, source))
        }
        guard !crews.isEmpty else { throw crewsNode.error("booking needs at least one crew with a calendar") }
        let rules = BookingRules(
            minutes: minutes, bufferMinutes: try node.optional("buffer_minutes")?.int(min: 0, max: 8 * 60) ?? 30, crews: crews,
            hours: try node.optional("hours").map { try ConfigLoader.hours($0, zone: hours.zone) } ?? hours,
            horizonDays: try node.optional("horizon_days")?.int(min: 1, max: 60) ?? 7,
            minimumNoticeMinutes: (try node.optional("minimum_notice_hours")?.int(min: 0, max: 14 * 24) ?? 2) * 60,
            stepMinutes: try node.optional("step_minutes")?.int(min: 5, max: 240) ?? 30, typeByTrade: byTrade,
            defaultType: try node.optional("default_appointment_type").map(type) ?? .diagnostic)
        return BookingSettings(rules: rules, calendars: calendars)
    }

    private static var typeNames: String { AppointmentType.allCases.map(\.rawValue).joined(separator: ", ") }

    private static func type(_ node: YAMLValue) throws -> AppointmentType {
        let text = try node.string().trimmingCharacters(in: .whitespaces).lowercased()
        guard let type = AppointmentType(rawValue: text) else { throw node.error("found `\(text)`; expected one of \(typeNames)") }
        return type
    }

    /// One crew: a name, the trades it takes, and exactly one calendar (`ics:` or `google_calendar:`).
    private static func crew(_ item: YAMLValue, base: String, warnings: inout [String]) throws -> (Crew, BookingSettings.CalendarSource) {
        try item.allowOnly(["name", "trades", "ics", "google_calendar"])
        let name = try item.required("name").text(expected: "the crew's name, e.g. Plumbing crew")
        let trades = Set(try item.optional("trades")?.itemsOrSingle().map { try $0.text(expected: "a trade, e.g. Plumbing") } ?? [])
        let ics = try item.optional("ics")
        let google = try item.optional("google_calendar")
        switch (ics, google) {
        case (let ics?, nil):
            let path = ConfigPath.resolve(try ics.text(expected: "the crew calendar's .ics file"), base: base)
            if let problem = ConfigPathCheck.problem(path, need: .readableFile) {
                warnings.append("\(ics.error("crew `\(name)`'s calendar \(path) \(problem); it offers no window until it can be read"))")
            }
            return (Crew(name: name, trades: trades), .ics(path: path))
        case (nil, let google?):
            return (Crew(name: name, trades: trades), .google(calendarID: try google.text(expected: "a Google calendar id")))
        default:
            throw item.error("crew `\(name)` needs one calendar: `ics:` (a file) or `google_calendar:` (an id)")
        }
    }
}
