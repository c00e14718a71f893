import Foundation
import RingbackHTTP
import RingbackMapping
import RingbackNormalisation

/// A source pulled from a phone system's paged API (the mapping's `api:` section) instead of read from
/// files: from its watermark less an overlap window, so a re-run or a late record is never missed.
package struct APISourceSettings: Sendable {
    package var name: String
    package var mapping: MappingSpec
    package var api: APISpec
    /// The mapping's base URL, or the source's `base_url:` override.
    package var baseURL: String
    package var variables: APIVariables
    /// How far before the watermark each pull starts again.
    package var overlap: TimeInterval
    /// Where the first pull starts when the source has no watermark yet.
    package var startAt: Date?
    package var zone: LocalZone
    package var retry: RetryPolicy
    /// A source with no new call for longer than this is reported (`stale_after_hours`, 0: never).
    package var staleAfterHours = FileSourceSettings.defaultStaleAfterHours

    /// The first pull of a source with neither a watermark nor `start_at:` goes back this far.
    package static let defaultHistory: TimeInterval = 7 * 86400

    /// Headers of every request to the API, pages and follow-ups alike: JSON wanted, and the credentials.
    var requestHeaders: [String: String] {
        var headers = ["Accept": "application/json"]
        if let auth = authorization { headers[auth.name] = auth.value }
        return headers
    }

    /// The header carrying the credentials, built from the environment; never shown.
    var authorization: (name: String, value: String)? {
        switch api.auth {
        case .basic(let user, let password):
            let pair = Data("\(variables.value(user)):\(variables.value(password))".utf8).base64EncodedString()
            return ("Authorization", "Basic \(pair)")
        case .bearer(let token):
            return ("Authorization", "Bearer \(variables.value(token))")
        case .header(let name, let value):
            return (name, variables.expand(value))
        case .none:
            return nil
        }
    }
}
