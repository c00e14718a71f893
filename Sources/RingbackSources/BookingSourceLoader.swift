import Foundation
import RingbackHTTP
import RingbackYAML

/// Reads a `kind: bookings` source: the tool (`system:`), its saved answers (`files:`) or its API
/// (`api:` with the token's environment variable), and where its jobs are kept between runs.
/// A token variable that is not set stops the configuration with the variable's name, never its value.
package enum BookingSourceLoader {
    package static let keys: Set<String> = ["name", "kind", "system", "files", "api", "jobs_file"]
    static let apiKeys: Set<String> = [
        "token_env", "auth_scheme", "base_url", "page_size", "max_pages", "overlap_hours", "start_at", "max_attempts", "graphql_version",
    ]

    package static func load(
        _ item: YAMLValue, name: String, base: String, environment: [String: String]
    ) throws(YAMLFileError) -> BookingSourceSettings {
        try item.allowOnly(keys)
        let systemNode = try item.required("system")
        let systems = BookingSystem.allCases.map(\.rawValue)
        guard let system = BookingSystem(rawValue: try systemNode.string()) else {
            throw systemNode.error("expected \(systems.joined(separator: " or ")) (the tool the office books jobs in)")
        }
        let jobsFile = ConfigPath.resolve(
            try item.optional("jobs_file")?.text(expected: "a file for the jobs read") ?? "ringback-\(name)-jobs.json", base: base)
        let filesNode = try item.optional("files")
        let apiNode = try item.entries().first(where: { $0.key == "api" })?.value
        switch (filesNode, apiNode) {
        case (.some, .some):
            throw item.error("a bookings source has either `files:` or `api:`, not both")
        case (nil, nil):
            throw item.error("a bookings source needs `files:` (saved \(system.displayName) API answers) or `api:` (its token's variable)")
        case (let files?, nil):
            var patterns: [String] = []
            for pattern in try files.itemsOrSingle() {
                patterns.append(ConfigPath.resolve(try pattern.text(expected: "a file or pattern like exports/jobber/*.json"), base: base))
            }
            return BookingSourceSettings(name: name, system: system, input: .files(patterns), jobsFile: jobsFile)
        case (nil, let node?):
            return BookingSourceSettings(
                name: name, system: system, input: .api(try api(node, name: name, system: system, environment: environment)), jobsFile: jobsFile)
        }
    }

    private static func api(
        _ node: YAMLValue, name: String, system: BookingSystem, environment: [String: String]
    ) throws(YAMLFileError) -> BookingSourceSettings.API {
        try node.allowOnly(apiKeys)
        let tokenNode = try node.required("token_env")
        let variable = try tokenNode.text(expected: "the name of the environment variable holding the API token")
        guard let token = environment[variable], !token.isEmpty else {
            throw tokenNode.error("source `\(name)`: environment variable $\(variable) not set; it holds the \(system.displayName) API token")
        }
        var baseURL = system.defaultBaseURL
        if let baseNode = try node.optional("base_url") {
            let text = try baseNode.string().trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("http://") || text.hasPrefix("https://"), URL(string: text) != nil else {
                throw baseNode.error("expected an http:// or https:// URL")
            }
            baseURL = text.hasSuffix("/") ? String(text.dropLast()) : text
        }
        var api = BookingSourceSettings.API(
            baseURL: baseURL, tokenVariable: variable, token: token,
            authScheme: try node.optional("auth_scheme")?.text(expected: "the word before the token, e.g. Bearer") ?? system.defaultAuthScheme,
            pageSize: try node.optional("page_size")?.int(min: 1, max: 500) ?? system.defaultPageSize)
        api.maxPages = try node.optional("max_pages")?.int(min: 1, max: 10000) ?? api.maxPages
        api.overlap = TimeInterval(try node.optional("overlap_hours")?.int(min: 0, max: 24 * 30) ?? 24) * 3600
        if let startNode = try node.optional("start_at") {
            guard let date = APISourceLoader.parseStart(try startNode.string()) else {
                throw startNode.error("expected a date like 2026-11-01 or a time like 2026-11-01T06:00:00Z")
            }
            api.startAt = date
        }
        api.graphQLVersion = try node.optional("graphql_version")?.text(expected: "a Jobber API version such as 2025-01-20")
        if let attempts = try node.optional("max_attempts") { api.retry.maxAttempts = try attempts.int(min: 1, max: 10) }
        return api
    }
}
