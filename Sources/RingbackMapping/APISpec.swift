/// How to pull a mapping's records from a phone system's HTTP API, page by page and since a time.
/// It lives in the mapping file so a new system needs YAML, not code; credentials are named by
/// environment variable and never written in the file.
public struct APISpec: Sendable, Equatable {
    public enum Auth: Sendable, Equatable {
        /// HTTP Basic with the user name and password from two variables (Twilio: account SID, auth token).
        case basic(usernameVariable: String, passwordVariable: String)
        /// `Authorization: Bearer <token>` (RingCentral, Aircall OAuth).
        case bearer(tokenVariable: String)
        /// Any header whose value is a template of variables (CallRail: `Token token="${CALLRAIL_API_KEY}"`).
        case header(name: String, value: Template)
        /// No credentials.
        case none
    }

    public enum Paging: Sendable, Equatable {
        /// The page names the next page's URI, absolute or relative to the base URL; empty on the last page.
        case nextURI(field: String)
        /// Pages are numbered from `firstPage`; the page says how many there are.
        case pageCounter(parameter: String, totalPagesField: String, firstPage: Int)
        /// The page holds a token that the next request sends as a query parameter; empty on the last page.
        case token(field: String, parameter: String)
        /// One request returns everything.
        case single
    }

    /// How the API wants the time it should list calls from.
    public enum SinceFormat: String, Sendable, CaseIterable {
        /// `2026-11-01T06:00:00Z`
        case iso8601
        /// `2026-11-01` (UTC date; the pull starts at the beginning of that day)
        case date
        /// `1793512800` (seconds since 1970)
        case epoch
    }

    public struct Since: Sendable, Equatable {
        public var parameter: String
        public var format: SinceFormat

        public init(parameter: String, format: SinceFormat) {
            self.parameter = parameter
            self.format = format
        }
    }

    public struct PageSize: Sendable, Equatable {
        public var parameter: String
        public var value: Int

        public init(parameter: String, value: Int) {
            self.parameter = parameter
            self.value = value
        }
    }

    public struct QueryParameter: Sendable, Equatable {
        public var name: String
        public var value: Template

        public init(name: String, value: Template) {
            self.name = name
            self.value = value
        }
    }

    /// Scheme and host (and an optional path prefix), e.g. `https://api.twilio.com`.
    public var baseURL: String
    public var path: Template
    /// Parameters sent on the first request as they are (`view: Detailed`).
    public var query: [QueryParameter]
    public var auth: Auth
    public var paging: Paging
    public var pageSize: PageSize?
    public var since: Since?
    /// Pages read from one source in one run at most: a guard against an API that never says "last page".
    public var maxPages: Int
    /// Sub-resources fetched per record and merged into it (`follow_up:`).
    public var followUps: [APIFollowUp] = []
    /// Where the `api:` section is, for messages about it (`mappings/twilio-calls-json.yaml:40`).
    public var origin: String

    /// Every environment variable the section names, in order of first use.
    public var variables: [String] {
        var names: [String] = []
        func add(_ name: String) { if !names.contains(name) { names.append(name) } }
        path.variables.forEach(add)
        query.flatMap(\.value.variables).forEach(add)
        switch auth {
        case .basic(let user, let password): add(user); add(password)
        case .bearer(let token): add(token)
        case .header(_, let value): value.variables.forEach(add)
        case .none: break
        }
        return names
    }

    /// Variables kept out of every message, URL included: all of them, since a key can sit in a path
    /// or query as well as in the credentials.
    public var secretVariables: [String] { variables }
}
