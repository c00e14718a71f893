import Foundation
import Testing

/// A phone system the loopback fake imitates, with what the tests expect of a pull from its fixture.
enum FakePhoneSystem: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case twilio
    case ringcentral
    case callrail
    case aircall
    case token

    var testDescription: String { rawValue }

    var mapping: String {
        switch self {
        case .twilio: return "twilio-calls-json"
        case .ringcentral: return "ringcentral-call-log-json"
        case .callrail: return "callrail-calls-json"
        case .aircall: return "aircall-calls-json"
        case .token: return "token-paged-calls"
        }
    }

    /// Mappings only the tests use, shipped beside the fake.
    var isTestMapping: Bool { self == .token }

    var sourceName: String { "\(rawValue)-live" }

    var records: Int { self == .twilio ? 6 : 5 }

    /// Pages of at most two records (the fake's page size limit).
    var pages: Int { (records + 1) / 2 }

    /// Inbound calls nobody answered, each from another number: one lead each.
    var leads: Int { self == .token ? 4 : 3 }

    /// The latest call start in the fixture: the watermark after a full pull.
    var latestStart: Date {
        let iso = ISO8601DateFormatter()
        switch self {
        case .twilio: return iso.date(from: "2026-11-19T20:00:00Z")!
        case .ringcentral: return iso.date(from: "2026-11-19T19:00:00Z")!
        case .callrail: return iso.date(from: "2026-11-19T21:00:00Z")!
        case .aircall: return Date(timeIntervalSince1970: 1794852000 + 3 * 86400 + 3600)
        case .token: return iso.date(from: "2026-11-20T12:00:00Z")!
        }
    }

    /// The since parameter of the first pull, from `start_at: 2026-11-16`.
    var firstSince: String {
        switch self {
        case .twilio: return "2026-11-16"
        case .aircall: return "1794787200"
        default: return "2026-11-16T00:00:00Z"
        }
    }

    /// The mapping's page size parameter value, as the fake saw it.
    var requestedPageSize: Int {
        switch self {
        case .twilio: return 1000
        case .callrail: return 250
        case .ringcentral: return 250
        case .aircall: return 50
        case .token: return 100
        }
    }
}
