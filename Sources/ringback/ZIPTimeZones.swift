/// The IANA zone of a US ZIP code by its first three digits: enough for a starter configuration
/// (a few border areas differ, and the file written says to check it).
enum ZIPTimeZones {
    private static let ranges: [(ClosedRange<Int>, String)] = [
        (5...149, "America/New_York"), (150...199, "America/New_York"), (200...299, "America/New_York"),
        (300...323, "America/New_York"), (324...325, "America/Chicago"), (326...349, "America/New_York"),
        (350...369, "America/Chicago"), (370...375, "America/Chicago"), (376...379, "America/New_York"),
        (380...397, "America/Chicago"), (400...418, "America/New_York"), (420...427, "America/Chicago"),
        (430...459, "America/New_York"), (460...479, "America/Indiana/Indianapolis"), (480...499, "America/Detroit"),
        (500...528, "America/Chicago"), (530...549, "America/Chicago"), (550...567, "America/Chicago"),
        (570...577, "America/Chicago"), (580...588, "America/Chicago"), (590...599, "America/Denver"),
        (600...629, "America/Chicago"), (630...658, "America/Chicago"), (660...679, "America/Chicago"),
        (680...693, "America/Chicago"), (700...714, "America/Chicago"), (716...729, "America/Chicago"),
        (730...749, "America/Chicago"), (750...797, "America/Chicago"), (798...799, "America/Denver"),
        (800...816, "America/Denver"), (820...831, "America/Denver"), (832...838, "America/Boise"),
        (840...847, "America/Denver"), (850...865, "America/Phoenix"), (870...884, "America/Denver"),
        (889...898, "America/Los_Angeles"), (900...961, "America/Los_Angeles"), (967...968, "Pacific/Honolulu"),
        (970...979, "America/Los_Angeles"), (980...994, "America/Los_Angeles"), (995...999, "America/Anchorage"),
    ]

    static func zone(forZIP zip: String) -> String? {
        let digits = zip.filter(\.isNumber)
        guard digits.count >= 5, let prefix = Int(digits.prefix(3)) else { return nil }
        return ranges.first { $0.0.contains(prefix) }?.1
    }

    /// The zone most of the ZIPs are in; nil when none is known.
    static func zone(forZIPs zips: [String]) -> String? {
        let zones = zips.compactMap(zone(forZIP:))
        let counts = Dictionary(zones.map { ($0, 1) }, uniquingKeysWith: +)
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
