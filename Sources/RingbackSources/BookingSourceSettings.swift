import Foundation
import RingbackHTTP

/// A bookings source (`kind: bookings`): which field-service tool, and whether its jobs are read from
/// saved API answers (`files:`) or pulled from its API (`api:`), with the file its known jobs are kept in.
package struct BookingSourceSettings: Sendable {
    package var name: String
    package var system: BookingSystem
    package var input: Input
    /// The jobs read in earlier runs, kept for the next (a lead stays booked by a job read last week).
    package var jobsFile: String

    package enum Input: Sendable {
        /// Glob patterns, absolute after loading, of JSON files shaped like the API's pages.
        case files([String])
        case api(API)
    }

    /// How the API is reached: where, with which token (from the environment), how far back, how many a page.
    package struct API: Sendable {
        package var baseURL: String
        package var tokenVariable: String
        package var token: String
        package var authScheme: String
        package var pageSize: Int
        package var maxPages = 200
        /// How far before the watermark each pull starts again.
        package var overlap: TimeInterval = 24 * 3600
        /// Where the first pull starts when the source has no watermark yet (default: 30 days back).
        package var startAt: Date?
        package var retry: RetryPolicy = .standard
        /// Jobber's API version, sent as `X-JOBBER-GRAPHQL-VERSION` when set (`graphql_version:`).
        package var graphQLVersion: String?

        package init(baseURL: String, tokenVariable: String, token: String, authScheme: String, pageSize: Int) {
            self.baseURL = baseURL
            self.tokenVariable = tokenVariable
            self.token = token
            self.authScheme = authScheme
            self.pageSize = pageSize
        }

        /// The token as a message may show it.
        package func redact(_ text: String) -> String {
            SecretRedaction.redact(text, [(secret: token, placeholder: "${\(tokenVariable)}")])
        }
    }

    package init(name: String, system: BookingSystem, input: Input, jobsFile: String) {
        self.name = name
        self.system = system
        self.input = input
        self.jobsFile = jobsFile
    }

    package static let defaultHistory: TimeInterval = 30 * 86400
}
