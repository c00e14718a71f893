import Foundation
import RingbackYAML

/// The `review:` section: where the weekly review is written offline and the owner-assignment SLA it
/// measures against.
package struct ReviewSettings: Sendable {
    package var htmlPath: String
    package var csvPath: String
    /// Business minutes within which a lead should have an owner.
    package var assignmentSLAMinutes: Int

    package static let defaultSLAMinutes = 30

    /// Reads `review:` (every key optional); the files default to the state file's folder.
    static func load(_ node: YAMLValue?, base: String, statePath: String) throws -> ReviewSettings {
        try node?.allowOnly(["html", "csv", "owner_assignment_sla_minutes"])
        let folder = URL(fileURLWithPath: statePath).deletingLastPathComponent().path
        func path(_ key: String, _ name: String) throws -> String {
            if let value = try node?.optional(key) { return try ConfigPathCheck.check(value, base: base, need: .writableFile) }
            return URL(fileURLWithPath: folder).appendingPathComponent(name).path
        }
        return ReviewSettings(
            htmlPath: try path("html", "weekly-review.html"), csvPath: try path("csv", "weekly-review.csv"),
            assignmentSLAMinutes: try node?.optional("owner_assignment_sla_minutes")?.int(min: 1, max: 10_080) ?? defaultSLAMinutes)
    }
}
