import Foundation
import RingbackJSON

/// The field-service tools a bookings source reads, and where each keeps a job's id, appointment,
/// customer and phones in its API's answer (also the shape of a saved `files:` export).
package enum BookingSystem: String, Sendable, CaseIterable {
    /// Jobber's GraphQL API: `jobs` with their visits and the client's phones, paged by cursor.
    case jobber
    /// Housecall Pro's REST API: `GET /jobs` with the customer and the schedule, paged by page number.
    case housecallPro = "housecall_pro"

    package var displayName: String {
        switch self {
        case .jobber: return "Jobber"
        case .housecallPro: return "Housecall Pro"
        }
    }

    package var defaultBaseURL: String {
        switch self {
        case .jobber: return "https://api.getjobber.com"
        case .housecallPro: return "https://api.housecallpro.com"
        }
    }

    package var path: String {
        switch self {
        case .jobber: return "/api/graphql"
        case .housecallPro: return "/jobs"
        }
    }

    /// The word before the token in the Authorization header.
    package var defaultAuthScheme: String {
        switch self {
        case .jobber: return "Bearer"
        case .housecallPro: return "Token"
        }
    }

    package var defaultPageSize: Int {
        switch self {
        case .jobber: return 50
        case .housecallPro: return 100
        }
    }

    /// Where a page keeps its list of jobs.
    package var recordsPath: String {
        switch self {
        case .jobber: return "data.jobs.nodes"
        case .housecallPro: return "jobs"
        }
    }

    /// The jobs query: each job with its number, title, first visit, the client's name and phones, and
    /// when it last changed; `$filter` asks for jobs changed since the watermark.
    static let jobberQuery = """
        query RingbackJobs($first: Int!, $after: String, $filter: JobFilterAttributes) {
          jobs(first: $first, after: $after, filter: $filter) {
            nodes {
              id
              jobNumber
              title
              startAt
              endAt
              updatedAt
              client { name phones { number primary } }
              visits(first: 1) { nodes { startAt endAt } }
            }
            pageInfo { hasNextPage endCursor }
          }
        }
        """
}
