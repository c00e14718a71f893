import RingbackMapping
import RingbackNormalisation
import RingbackYAML

/// A source of export files (`files:`): where they are, how to map them, and when their silence is reported.
package struct FileSourceSettings: Sendable {
    package var name: String
    /// Glob patterns, absolute after loading.
    package var patterns: [String]
    /// Mapping named in the config; nil means guess per file.
    package var mapping: MappingSpec?
    package var zone: LocalZone
    /// The source may match no file (`allow_empty: true`); otherwise that is a silent source.
    package var allowEmpty = false
    /// A source with no new call for longer than this is reported (`stale_after_hours`, 0: never).
    package var staleAfterHours = FileSourceSettings.defaultStaleAfterHours

    package static let defaultStaleAfterHours = 48

    package init(name: String, patterns: [String], mapping: MappingSpec?, zone: LocalZone) {
        self.name = name
        self.patterns = patterns
        self.mapping = mapping
        self.zone = zone
    }

    /// A source section with `files:` (its name, mapping and zone are read by the configuration).
    package static func load(
        _ item: YAMLValue, name: String, mapping: MappingSpec?, zone: LocalZone, base: String
    )
        throws(YAMLFileError) -> FileSourceSettings
    {
        var patterns: [String] = []
        for pattern in try item.required("files").itemsOrSingle() {
            patterns.append(ConfigPath.resolve(try pattern.text(expected: "a file or pattern like exports/twilio/*.json"), base: base))
        }
        var source = FileSourceSettings(name: name, patterns: patterns, mapping: mapping, zone: zone)
        source.allowEmpty = try item.optional("allow_empty")?.bool() ?? false
        source.staleAfterHours = try item.optional("stale_after_hours")?.int(min: 0, max: 24 * 365) ?? defaultStaleAfterHours
        return source
    }
}
