import Foundation

/// A named time zone that converts between instants and local wall-clock readings quickly.
///
/// Zone-less exports are read in the business's zone, millions of times per run, and
/// `TimeZone.secondsFromGMT(for:)` is too slow for that, so the zone's UTC-offset transitions
/// are read once at creation into an immutable table (binary-searched afterwards).
///
/// Local → instant follows the usual convention for ambiguous readings:
/// - spring-forward gap (e.g. 02:30 on 2026-03-08 in Chicago): moved forward by the gap length (→ 03:30 CDT);
/// - fall-back overlap (e.g. 01:30 on 2026-11-01 in Chicago): the first, earlier occurrence (01:30 CDT).
public struct LocalZone: Hashable, Sendable, CustomStringConvertible {
    public let identifier: String
    public let timeZone: TimeZone
    private let table: ZoneOffsetTable

    /// Creates a zone from an IANA identifier such as "America/Chicago".
    public init(identifier: String) throws(LocalZoneError) {
        guard let tz = TimeZone(identifier: identifier) else { throw LocalZoneError(identifier: identifier) }
        self.init(timeZone: tz)
    }

    public init(timeZone: TimeZone) {
        self.identifier = timeZone.identifier
        self.timeZone = timeZone
        self.table = ZoneOffsetTable(timeZone)
    }

    public static let utc = LocalZone(timeZone: TimeZone(identifier: "UTC")!)

    /// The zone's offset from UTC, in seconds, at `date`.
    public func secondsFromUTC(at date: Date) -> Int {
        offset(atEpochSecond: Int(date.timeIntervalSince1970.rounded(.down)))
    }

    /// The wall-clock reading at `date`; sub-second parts are dropped.
    public func components(of date: Date) -> LocalDateTime {
        let t = Int(date.timeIntervalSince1970.rounded(.down))
        return LocalDateTime(wallSeconds: t + offset(atEpochSecond: t))
    }

    /// The instant of a wall-clock reading (gap → shifted forward, overlap → earlier occurrence).
    /// Out-of-range fields roll over arithmetically (minute 60 is the next hour, Feb 30 is Mar 2).
    public func date(from local: LocalDateTime) -> Date {
        Date(timeIntervalSince1970: Double(epochSecond(wallSeconds: local.wallSeconds)))
    }

    public var description: String { identifier }

    public static func == (a: LocalZone, b: LocalZone) -> Bool { a.identifier == b.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    @inline(__always)
    func offset(atEpochSecond t: Int) -> Int {
        table.offset(at: t) ?? timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t)))
    }

    /// Epoch second of a wall-clock reading expressed as seconds-since-epoch-as-if-UTC.
    func epochSecond(wallSeconds wall: Int) -> Int {
        let day = CivilCalendar.secondsPerDay
        let before = offset(atEpochSecond: wall - day)
        let after = offset(atEpochSecond: wall + day)
        if before == after { return wall - before }
        let early = wall - before
        let late = wall - after
        let earlyValid = offset(atEpochSecond: early) == before
        let lateValid = offset(atEpochSecond: late) == after
        switch (earlyValid, lateValid) {
        case (true, true): return min(early, late)
        case (true, false): return early
        case (false, true): return late
        case (false, false): return wall - min(before, after)
        }
    }
}
