import Foundation
import RingbackCore
import RingbackGoogle
import RingbackOffline

/// The `report` command's work: reads what the weekly review needs from the state store, has the core
/// compute it, and writes it where the config says.
package enum WeeklyReport {
    /// The review of the week holding `day` (the last full week before `now` when nil).
    package static func review(config: RingbackConfig, store: any StateStoring, day: Date?, now: Date) throws -> WeeklyReview {
        let zone = config.rules.hours.zone
        let week = day.map { ReviewWeek(containing: $0, zone: zone) } ?? ReviewWeek(containing: now, zone: zone).offset(by: -1)
        let rows = try config.targets.first(where: \.isSheet).map { try store.targetState($0.label).rows } ?? [:]
        let ledger = ReviewLedger(calls: try store.calls(since: nil), anchors: try store.leadAnchors(), rows: rows, runs: try store.runs())
        return WeeklyReviewBuilder(rules: config.rules, assignmentSLAMinutes: config.review.assignmentSLAMinutes)
            .review(ledger, week: week, now: now)
    }

    /// Writes `weekly-review.html` and `weekly-review.csv`; returns their paths.
    package static func writeFiles(_ review: WeeklyReview, config: RingbackConfig) throws -> [String] {
        let files = WeeklyReviewFiles(htmlPath: config.review.htmlPath, csvPath: config.review.csvPath)
        try files.write(review)
        return [files.htmlPath, files.csvPath]
    }

    /// Writes the `Weekly Review` tab when the sheet is a Google Sheet; returns where, or nil.
    package static func writeGoogleTab(_ review: WeeklyReview, config: RingbackConfig, google: GoogleServices? = nil) throws -> String? {
        guard let configured = config.targets.first(where: { $0.isSheet && $0.usesGoogle }) else { return nil }
        let connection = GoogleOnce(settings: config.google, given: google, progress: nil)
        let context = AdapterContext(google: { try connection.services() }, listTabs: config.listTabs, config: config)
        guard case .sheet(let built) = try configured.adapter(context), let sheet = built as? GoogleSheetTarget else { return nil }
        do throws(GoogleAPIError) {
            try WeeklyReviewTab(service: sheet.service, spreadsheetID: sheet.spreadsheetID).write(review)
        } catch {
            throw GoogleTargetError(target: sheet.label, error)
        }
        return "google-sheet:\(sheet.spreadsheetID)/\(WeeklyReviewTab.title)"
    }
}
