import ArgumentParser
import Foundation
import RingbackCore
import RingbackNormalisation
import RingbackStore
import RingbackSync

/// Writes the weekly review: the seed's measures for a week beside the week before and an eight-week
/// trend, and the calls saved, the calls that stalled and the rules to change.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the weekly review (weekly-review.html and weekly-review.csv, and a Weekly Review tab for a Google Sheet) from the state.")

    @OptionGroup var common: CommonOptions

    @Option(
        name: .customLong("week"),
        help: "A day (YYYY-MM-DD) of the week to review, Monday to Sunday in the business's zone; default the last full week.")
    var week: String?

    @Option(help: "The time to report as of (ISO 8601); default now.")
    var now: String?

    func run() throws {
        let log = common.logger("report")
        guard let clock = now.map({ ISO8601DateFormatter().date(from: $0) }) ?? Date() else {
            throw ValidationError("--now expects an ISO 8601 time like 2026-11-24T18:00:00Z")
        }
        do {
            let config = try ConfigLoader.load(path: common.configPath)
            let day = try week.map { text in
                guard let date = Self.day(text, zone: config.rules.hours.zone) else { throw ValidationError("--week expects a day like 2026-11-16") }
                return date
            }
            let store = try SQLiteStateStore(path: config.statePath)
            let review = try WeeklyReport.review(config: config, store: store, day: day, now: clock)
            for path in try WeeklyReport.writeFiles(review, config: config) { print("Wrote \(path)") }
            if let tab = try WeeklyReport.writeGoogleTab(review, config: config) { print("Wrote \(tab)") }
            let f = review.thisWeek
            print(
                "Week \(f.week.span): \(f.leads) leads, \(f.missedCallsCaptured) missed calls captured, \(f.booked) booked, "
                    + "\(review.stalled.count) stalled, \(review.rulesToChange.count) rules to change.")
        } catch let error as ValidationError {
            throw error
        } catch {
            throw fail(error, log: log)
        }
    }

    /// Midnight of a `YYYY-MM-DD` day in the business's zone.
    static func day(_ text: String, zone: LocalZone) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        let local = LocalDateTime(year: parts[0], month: parts[1], day: parts[2])
        return local.isValid ? zone.date(from: local) : nil
    }
}
