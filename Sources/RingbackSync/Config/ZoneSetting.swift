import Foundation
import RingbackNormalisation
import RingbackYAML

/// Reads a `time_zone:`: an IANA region name (`America/Denver`), so daylight saving is followed, or, when
/// a fixed offset is wanted on purpose, `{ fixed_offset: "-07:00" }`. Abbreviations and offsets written as
/// names (`MST`, `EST`, `GMT-7`, `UTC+5`) are refused with the region names to use instead.
package enum ZoneSetting {
    static func zone(_ node: YAMLValue) throws(YAMLFileError) -> LocalZone {
        if node.isMapping { return try fixedOffset(node) }
        let id = try node.string().trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty else {
            throw node.error("found an empty value; expected an IANA time zone name like America/Chicago")
        }
        if ["UTC", "Etc/UTC"].contains(id) { return .utc }
        if let hint = ZoneNames.hint(for: id) {
            throw node.error("found `\(id)`, \(hint)")
        }
        guard isRegionName(id), let zone = try? LocalZone(identifier: id) else {
            throw node.error("unknown time zone `\(id)`; expected an IANA name like America/Chicago")
        }
        return zone
    }

    /// How `validate` shows a zone: its IANA name, or `fixed offset -07:00` for one written as such.
    package static func label(_ zone: LocalZone) -> String {
        guard zone.identifier.hasPrefix("Etc/GMT") || zone.identifier.hasPrefix("GMT") else { return zone.identifier }
        let seconds = zone.secondsFromUTC(at: Date())
        let sign = seconds < 0 ? "-" : "+"
        return String(format: "fixed offset %@%02d:%02d", sign, abs(seconds) / 3600, abs(seconds) % 3600 / 60)
    }

    /// `Area/Location` names, plus UTC, which has no daylight saving to miss.
    static func isRegionName(_ id: String) -> Bool {
        if ["UTC", "Etc/UTC"].contains(id) { return true }
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty } && parts[0] != "Etc"
    }

    /// `{ fixed_offset: "-07:00" }`: hours and minutes east of UTC, the same all year.
    private static func fixedOffset(_ node: YAMLValue) throws(YAMLFileError) -> LocalZone {
        try node.allowOnly(["fixed_offset"])
        let valueNode = try node.required("fixed_offset")
        let text = try valueNode.string().trimmingCharacters(in: .whitespaces)
        guard let seconds = offsetSeconds(text) else {
            throw valueNode.error("found `\(text)`; expected an offset from UTC like \"-07:00\" or \"+05:30\" (at most 14 hours)")
        }
        if seconds == 0 { return LocalZone.utc }
        if seconds % 3600 == 0, let named = TimeZone(identifier: "Etc/GMT\(seconds > 0 ? "-" : "+")\(abs(seconds) / 3600)") {
            return LocalZone(timeZone: named)  // IANA's names for whole hours count west as positive
        }
        guard let zone = TimeZone(secondsFromGMT: seconds) else {
            throw valueNode.error("found `\(text)`; expected an offset from UTC like \"-07:00\"")
        }
        return LocalZone(timeZone: zone)
    }

    /// `+05:30` → 19800; nil unless it is a sign, two-digit hours up to 14, a colon and 00, 15, 30 or 45.
    static func offsetSeconds(_ text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 6, scalars[0] == "+" || scalars[0] == "-", scalars[3] == ":" else { return nil }
        guard let hours = Int(String(String.UnicodeScalarView(scalars[1...2]))),
            let minutes = Int(String(String.UnicodeScalarView(scalars[4...5]))),
            hours <= 14, [0, 15, 30, 45].contains(minutes), hours * 60 + minutes <= 14 * 60
        else { return nil }
        return (scalars[0] == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}
