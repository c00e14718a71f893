import Foundation
import RingbackNormalisation

/// Finds the appointment windows a crew really has free: inside the bookable hours of each local day
/// up to the horizon, no sooner than the minimum notice, clear of every busy span by the buffer.
/// Pure: given the busy spans and the time of the run, the same windows every time.
public struct BookingWindows: Sendable {
    /// Windows to offer, or why there are none.
    public enum Outcome: Sendable, Hashable {
        case offered([OfferedWindow])
        case none(String)
    }

    public let rules: BookingRules

    public init(rules: BookingRules) {
        self.rules = rules
    }

    /// Up to `count` windows of `type` for a job of `trade`: the earliest free one, then each next one on
    /// a later day (so the caller gets a real choice), then, if days run out, the next ones that do not overlap.
    /// `held`: windows already offered to other leads, busy like the crew's own jobs (see `OfferAllocation`);
    /// `kept`: windows this lead was offered before, kept first while they are still free and bookable.
    public func windows(
        trade: String?, type: AppointmentType, availability: CrewAvailability, now: Date, count: Int = 2, held: [String: [BusyInterval]] = [:],
        kept: [OfferedWindow] = []
    ) -> Outcome {
        let crews = rules.crews.filter { $0.books(trade: trade) }
        guard !crews.isEmpty else { return .none("no crew in the booking rules takes \(trade ?? "this kind of") work") }
        let readable = crews.filter { availability.busy[$0.name] != nil }
        guard !readable.isEmpty else {
            let why = crews.compactMap { availability.unreadable[$0.name] }.first ?? "not read"
            return .none("the crew calendar could not be read (\(why))")
        }
        let busy = readable.map { crew in (crew, (availability.busy[crew.name, default: []] + held[crew.name, default: []]).sorted()) }
        let minutes = rules.length(of: type)
        let keeping = usable(kept, busy: busy, minutes: minutes, now: now)
        let candidates = self.candidates(minutes: minutes, now: now) { start, end in
            busy.first { isFree(start: start, end: end, busy: $0.1) }?.0
        }
        let picked = Self.pick(candidates, count: count, keeping: keeping)
        guard !picked.isEmpty else { return .none("nothing free in the next \(rules.horizonDays) day\(rules.horizonDays == 1 ? "" : "s")") }
        return .offered(picked.map(\.window))
    }

    /// The windows of `kept` that could still be offered, with their day from today: the right length, on a
    /// crew of the trade, free (of the crew's jobs and the windows held for others), bookable now, and
    /// not overlapping one kept before it.
    private func usable(_ kept: [OfferedWindow], busy: [(Crew, [BusyInterval])], minutes: Int, now: Date) -> [Candidate] {
        var found: [Candidate] = []
        for window in kept {
            guard window.end.timeIntervalSince(window.start) == TimeInterval(minutes * 60), let day = bookableDay(window, now: now),
                let spans = busy.first(where: { $0.0.name == window.crew })?.1, isFree(start: window.start, end: window.end, busy: spans),
                !found.contains(where: { $0.window.start < window.end && window.start < $0.window.end })
            else { continue }
            found.append(Candidate(window: window, day: day))
        }
        return found
    }

    /// The windows a lead was offered before that it may keep this run (see `usable`).
    public func stillOffered(
        _ kept: [OfferedWindow], trade: String?, type: AppointmentType, availability: CrewAvailability, now: Date, held: [String: [BusyInterval]]
    ) -> [OfferedWindow] {
        guard !kept.isEmpty else { return [] }
        let busy = rules.crews.filter { $0.books(trade: trade) && availability.busy[$0.name] != nil }.map { crew in
            (crew, (availability.busy[crew.name, default: []] + held[crew.name, default: []]).sorted())
        }
        return usable(kept, busy: busy, minutes: rules.length(of: type), now: now).map(\.window)
    }

    /// The window's day from today when it could still be offered now: inside the notice, the horizon and
    /// the bookable hours of its day.
    private func bookableDay(_ window: OfferedWindow, now: Date) -> Int? {
        let zone = rules.hours.zone
        guard window.start >= now.addingTimeInterval(TimeInterval(rules.minimumNoticeMinutes * 60)) else { return nil }
        let start = zone.components(of: window.start)
        let today = zone.components(of: now).startOfDay
        guard let span = rules.hours.spans[start.weekday],
            let day = (0..<max(rules.horizonDays, 0)).first(where: { today.addingDays($0) == start.startOfDay })
        else { return nil }
        let from = start.hour * 60 + start.minute
        let to = from + Int(window.end.timeIntervalSince(window.start) / 60)
        return from >= span.open && to <= span.close ? day : nil
    }

    struct Candidate {
        var window: OfferedWindow
        var day: Int
    }

    /// Every start on the grid, in time order, with the first crew free for it.
    private func candidates(minutes: Int, now: Date, freeCrew: (Date, Date) -> Crew?) -> [Candidate] {
        let zone = rules.hours.zone
        let earliest = now.addingTimeInterval(TimeInterval(rules.minimumNoticeMinutes * 60))
        let today = zone.components(of: now).startOfDay
        let step = max(rules.stepMinutes, 5)
        var found: [Candidate] = []
        for offset in 0..<max(rules.horizonDays, 0) {
            let day = today.addingDays(offset)
            guard let span = rules.hours.spans[day.weekday] else { continue }
            let close = zone.date(from: Self.at(day, minute: span.close))
            var minute = span.open
            while minute + minutes <= span.close {
                let start = zone.date(from: Self.at(day, minute: minute))
                let end = start.addingTimeInterval(TimeInterval(minutes * 60))
                minute += step
                guard start >= earliest, end <= close, zone.components(of: start).startOfDay == day else { continue }
                if let crew = freeCrew(start, end) {
                    found.append(Candidate(window: OfferedWindow(start: start, end: end, crew: crew.name), day: offset))
                }
            }
        }
        return found
    }

    private static func at(_ day: LocalDateTime, minute: Int) -> LocalDateTime {
        var local = day
        local.hour = minute / 60
        local.minute = minute % 60
        return local
    }

    /// Free when the window, widened by the buffer on both sides, meets no busy span.
    func isFree(start: Date, end: Date, busy: [BusyInterval]) -> Bool {
        let buffer = TimeInterval(rules.bufferMinutes * 60)
        let from = start.addingTimeInterval(-buffer)
        let to = end.addingTimeInterval(buffer)
        for span in busy {
            if span.start >= to { break }
            if span.end > from { return false }
        }
        return true
    }

    static func pick(_ candidates: [Candidate], count: Int, keeping kept: [Candidate] = []) -> [Candidate] {
        var picked: [Candidate] = []
        for candidate in kept where picked.count < count {
            if !picked.contains(where: { $0.window.start < candidate.window.end && candidate.window.start < $0.window.end }) {
                picked.append(candidate)
            }
        }
        for candidate in candidates where picked.count < count {
            if !picked.contains(where: { $0.day == candidate.day }) { picked.append(candidate) }
        }
        for candidate in candidates where picked.count < count {
            let overlaps = picked.contains { $0.window.start < candidate.window.end && candidate.window.start < $0.window.end }
            if !overlaps { picked.append(candidate) }
        }
        return picked.sorted { $0.window.start < $1.window.start }
    }
}
