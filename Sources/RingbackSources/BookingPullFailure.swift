import Foundation
import RingbackCore

/// A bookings source that could not be read to its end: which source, which page and URL (without the
/// token), the HTTP status when there was one, and what the run did about it.
package struct BookingPullFailure: SourceFailure {
    package var source: String
    /// 1-based number of the page that failed; 0 for the source's own jobs file.
    package var page: Int
    package var displayURL: String
    package var status: Int?
    package var reason: String

    package var description: String {
        let place = page == 0 ? displayURL : "page \(page) (\(displayURL))"
        return
            "bookings source \(source): \(place) failed: \(reason)\(status.map { " (HTTP \($0))" } ?? ""). No new job of this source was used and its watermark stays where it was, so the next run reads them again"
    }
}
