import Foundation
import RingbackCore
import RingbackGoogle
import RingbackMapping
import RingbackNormalisation
import RingbackSources

/// A loaded and checked `ringback.yaml`: the business rules plus where to read and write.
public struct RingbackConfig: Sendable {
    public typealias FileSource = FileSourceSettings
    public typealias APISource = APISourceSettings

    public var file: String
    /// The configuration's folder: relative paths in it, and in the state, start here.
    public var base: String { URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.path }
    public var rules: BusinessRules
    public var defaultCountry: String
    public var phones: PhoneNormaliser
    public var sources: [FileSource]
    /// Sources pulled from a phone system's API (`api:` instead of `files:`).
    public var apiSources: [APISource] = []
    public var targets: [ConfiguredTarget]
    public var statePath: String
    public var rejectsPath: String
    /// One line per run (time, files, calls, leads, rejects, problems) for the office to see the job is alive.
    public var statusPath: String
    /// Every mapping found in the mappings folder, for guessing.
    public var mappings: [MappingSpec]
    /// Things worth fixing that do not stop a run (e.g. a list row with an unusable phone).
    public var warnings: [String]
    /// Set when a target is a Google one.
    public var google: GoogleSettings?
    /// List kind (`customers`, `active_jobs`, `vendors`, `spam`) → tab of the Google Sheet it is read from each run.
    public var listTabs: [ListKind: String] = [:]
}
