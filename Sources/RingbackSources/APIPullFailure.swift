import Foundation
import RingbackCore

/// An API source that could not be pulled to its last page: which source, which page and URL (without
/// credentials), the HTTP status when there was one, and what the run did about it.
package struct APIPullFailure: SourceFailure {
    package var source: String
    /// 1-based number of the page that failed.
    package var page: Int
    package var displayURL: String
    package var status: Int?
    /// What went wrong, e.g. `HTTP 503 from … after 4 attempts` or `the page is not JSON`.
    package var reason: String

    package var description: String {
        "source \(source): page \(page) failed: \(reason) (GET \(displayURL)). No call of this source was recorded and its watermark stays where it was, so the next run pulls these calls again"
    }
}
