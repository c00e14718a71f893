import Foundation

/// What to write instead of a time zone abbreviation or an offset written as a name: these follow no
/// daylight saving (or one Ringback would have to guess), so summer times would be an hour out.
enum ZoneNames {
    /// Region names for the abbreviations and North American names people write.
    static let byAbbreviation: [String: [String]] = [
        "EST": ["America/New_York"], "EDT": ["America/New_York"], "EASTERN": ["America/New_York"], "EST5EDT": ["America/New_York"],
        "CST": ["America/Chicago"], "CDT": ["America/Chicago"], "CENTRAL": ["America/Chicago"], "CST6CDT": ["America/Chicago"],
        "MST": ["America/Denver", "America/Phoenix (Arizona, no daylight saving)"], "MDT": ["America/Denver"],
        "MOUNTAIN": ["America/Denver", "America/Phoenix (Arizona, no daylight saving)"], "MST7MDT": ["America/Denver"],
        "PST": ["America/Los_Angeles"], "PDT": ["America/Los_Angeles"], "PACIFIC": ["America/Los_Angeles"], "PST8PDT": ["America/Los_Angeles"],
        "AKST": ["America/Anchorage"], "AKDT": ["America/Anchorage"], "HST": ["Pacific/Honolulu"],
        "AST": ["America/Halifax"], "ADT": ["America/Halifax"], "NST": ["America/St_Johns"], "NDT": ["America/St_Johns"],
        "GMT": ["Europe/London", "UTC (no daylight saving)"], "BST": ["Europe/London"], "WET": ["Europe/Lisbon"],
        "CET": ["Europe/Paris", "Europe/Berlin"],
        "CEST": ["Europe/Paris", "Europe/Berlin"], "EET": ["Europe/Athens"], "IST": ["Asia/Kolkata", "Europe/Dublin"],
        "AEST": ["Australia/Sydney", "Australia/Brisbane (no daylight saving)"], "AEDT": ["Australia/Sydney"],
        "ACST": ["Australia/Adelaide", "Australia/Darwin"], "AWST": ["Australia/Perth"], "NZST": ["Pacific/Auckland"],
        "NZDT": ["Pacific/Auckland"],
    ]

    /// Region names whose standard time is this many minutes east of UTC.
    static let byOffset: [Int: [String]] = [
        -300: ["America/New_York"], -360: ["America/Chicago"], -420: ["America/Denver", "America/Phoenix"],
        -480: ["America/Los_Angeles"], -540: ["America/Anchorage"], -600: ["Pacific/Honolulu"], -240: ["America/Halifax"],
        0: ["Europe/London"], 60: ["Europe/Paris", "Europe/Berlin"], 120: ["Europe/Athens"], 330: ["Asia/Kolkata"],
        480: ["Australia/Perth"], 570: ["Australia/Adelaide"], 600: ["Australia/Sydney", "Australia/Brisbane"],
        720: ["Pacific/Auckland"],
    ]

    /// Why `id` is refused and what to write, or nil when it is not an abbreviation or an offset name.
    static func hint(for id: String) -> String? {
        let upper = id.uppercased()
        if let names = byAbbreviation[upper] {
            return "an abbreviation with a fixed offset (no daylight saving); expected an IANA name such as \(names.joined(separator: " or "))"
        }
        guard let minutes = offsetMinutes(upper) else { return nil }
        let sign = minutes < 0 ? "-" : "+"
        let fixed = String(format: "%@%02d:%02d", sign, abs(minutes) / 60, abs(minutes) % 60)
        let names = byOffset[minutes].map { "an IANA name such as \($0.joined(separator: " or ")), or " } ?? ""
        return "a fixed offset with no daylight saving; expected \(names)`time_zone: { fixed_offset: \"\(fixed)\" }` if a fixed offset is meant"
    }

    /// Minutes east of UTC for `GMT-7`, `UTC+5`, `UTC+05:30`, `GMT+14:30`, `Etc/GMT+7` (IANA's reversed sign), `+0700`.
    static func offsetMinutes(_ upper: String) -> Int? {
        var text = Substring(upper)
        var reversed = false
        if text.hasPrefix("ETC/") { text = text.dropFirst(4); reversed = true }
        for prefix in ["GMT", "UTC", "UT", "Z"] where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
            break
        }
        if text.isEmpty { return reversed ? 0 : nil }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().replacingOccurrences(of: ":", with: "")
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isNumber) else { return nil }
        let hours = digits.count <= 2 ? Int(digits)! : Int(digits.dropLast(2))!
        let minutes = digits.count <= 2 ? 0 : Int(digits.suffix(2))!
        let east = (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
        return reversed ? -east : east
    }
}
