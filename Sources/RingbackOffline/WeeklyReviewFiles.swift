import RingbackCodecs
import RingbackCore

/// Writes the weekly review offline: `weekly-review.html` for reading and `weekly-review.csv` for a
/// spreadsheet, each replaced atomically.
package struct WeeklyReviewFiles: Sendable {
    package var htmlPath: String
    package var csvPath: String

    package init(htmlPath: String, csvPath: String) {
        self.htmlPath = htmlPath
        self.csvPath = csvPath
    }

    package func write(_ review: WeeklyReview) throws(OfflineTargetError) {
        try AtomicFile.write(Array(WeeklyReviewHTML.page(review).utf8), to: htmlPath)
        let rows = WeeklyReviewTable(review).rows.map { $0.map(SpreadsheetText.protect) }
        try AtomicFile.write(CSVWriter(lineSafe: true).bytes(rows), to: csvPath)
    }
}
