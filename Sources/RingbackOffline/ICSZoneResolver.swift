import Foundation
import RingbackNormalisation

/// The zones a calendar file's TZIDs name. Most are IANA names (Google, iCloud) or Windows names
/// (Outlook); a made-up one (Outlook's "Customized Time Zone") is matched by its VTIMEZONE: the zone
/// with the same standard and daylight offsets and the same month of the switch to daylight time.
struct ICSZoneResolver: Sendable {
    private var custom: [String: LocalZone] = [:]

    init(_ root: ICSNode, year: Int) {
        for definition in root.components("VTIMEZONE") {
            guard let id = definition.first("TZID")?.value, ICSTime.zone(named: id) == nil,
                let zone = Self.match(definition, year: year)
            else { continue }
            custom[id] = zone
        }
    }

    func zone(named tzid: String) -> LocalZone? { ICSTime.zone(named: tzid) ?? custom[tzid] }

    /// `-0600` → -21600 seconds.
    static func offset(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 5, let sign = trimmed.first, sign == "+" || sign == "-",
            let hours = Int(trimmed.dropFirst().prefix(2)), let minutes = Int(trimmed.dropFirst(3).prefix(2))
        else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    static func match(_ definition: ICSNode, year: Int) -> LocalZone? {
        let standard = definition.children.first { $0.name == "STANDARD" }
        let daylight = definition.children.first { $0.name == "DAYLIGHT" }
        guard let standardOffset = standard?.first("TZOFFSETTO").flatMap({ offset($0.value) }) else { return nil }
        let daylightOffset = daylight?.first("TZOFFSETTO").flatMap { offset($0.value) } ?? standardOffset
        let switchMonth = daylight?.first("RRULE").flatMap { rule in
            rule.value.split(separator: ";").first { $0.hasPrefix("BYMONTH=") }.flatMap { Int($0.dropFirst("BYMONTH=".count)) }
        }
        let utc = TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        guard let january = calendar.date(from: DateComponents(year: year, month: 1, day: 15)),
            let july = calendar.date(from: DateComponents(year: year, month: 7, day: 15)),
            let newYear = calendar.date(from: DateComponents(year: year, month: 1, day: 1))
        else { return nil }
        for id in TimeZone.knownTimeZoneIdentifiers.sorted() where id.contains("/") && !id.hasPrefix("Etc/") {
            guard let zone = TimeZone(identifier: id) else { continue }
            let winter = zone.secondsFromGMT(for: january)
            let summer = zone.secondsFromGMT(for: july)
            let northern = winter == standardOffset && summer == daylightOffset
            let southern = summer == standardOffset && winter == daylightOffset
            guard northern || southern else { continue }
            if daylightOffset != standardOffset, let switchMonth {
                var transition = zone.nextDaylightSavingTimeTransition(after: newYear)
                if let first = transition, zone.isDaylightSavingTime(for: first.addingTimeInterval(3600)) == false {
                    transition = zone.nextDaylightSavingTimeTransition(after: first)
                }
                guard let transition, calendar.component(.month, from: transition) == switchMonth else { continue }
            }
            return LocalZone(timeZone: zone)
        }
        return nil
    }
}
