import Foundation
import RingbackHTTP
import RingbackMapping
import RingbackNormalisation
import RingbackYAML

/// Reads a source's `api:` block and the environment variables its mapping names. A variable that is
/// not set stops the configuration with the variable's name; values never appear in a message.
package enum APISourceLoader {
    static let keys: Set<String> = ["overlap_hours", "start_at", "base_url", "max_attempts"]

    package static func load(
        _ node: YAMLValue, name: String, mapping: MappingSpec?, mappingNode: YAMLValue?, zone: LocalZone,
        environment: [String: String]
    ) throws -> APISourceSettings {
        guard let mapping, let mappingNode else {
            throw node.error("an API source needs `mapping:` naming a mapping with an `api:` section")
        }
        guard let api = mapping.api else {
            throw mappingNode.error(
                "mapping `\(mapping.name)` has no `api:` section, so it cannot be pulled from an API; use `files:` or a mapping with `api:`")
        }
        var overlapHours = 24
        var startAt: Date?
        var baseURL = api.baseURL
        var retry = RetryPolicy.standard
        if !node.isNull {
            try node.allowOnly(keys)
            overlapHours = try node.optional("overlap_hours")?.int(min: 0, max: 24 * 30) ?? overlapHours
            if let startNode = try node.optional("start_at") {
                guard let date = parseStart(try startNode.string()) else {
                    throw startNode.error("expected a date like 2026-11-01 or a time like 2026-11-01T06:00:00Z")
                }
                startAt = date
            }
            if let baseNode = try node.optional("base_url") {
                let text = try baseNode.string().trimmingCharacters(in: .whitespaces)
                guard APISpecLoader.isHTTPURL(text) else { throw baseNode.error("expected an http:// or https:// URL") }
                baseURL = text.hasSuffix("/") ? String(text.dropLast()) : text
            }
            if let attempts = try node.optional("max_attempts") {
                retry.maxAttempts = try attempts.int(min: 1, max: 10)
            }
        }

        var values: [String: String] = [:]
        let missing = api.variables.filter { (environment[$0] ?? "").isEmpty }
        guard missing.isEmpty else {
            let list = missing.map { "$\($0)" }.joined(separator: ", ")
            throw node.error(
                "source `\(name)`: environment variable\(missing.count == 1 ? "" : "s") \(list) not set; mapping `\(mapping.name)` (\(api.origin)) reads \(missing.count == 1 ? "it" : "them") for the API's credentials and URL"
            )
        }
        for variable in api.variables { values[variable] = environment[variable] }

        return APISourceSettings(
            name: name, mapping: mapping, api: api, baseURL: baseURL,
            variables: APIVariables(values: values, secretNames: api.secretVariables),
            overlap: TimeInterval(overlapHours) * 3600, startAt: startAt, zone: zone, retry: retry)
    }

    /// `2026-11-01` (midnight UTC) or a full ISO 8601 time.
    static func parseStart(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let full = ISO8601DateFormatter()
        if let date = full.date(from: trimmed) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: trimmed)
    }
}
