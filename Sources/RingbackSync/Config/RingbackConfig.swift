import Foundation
import RingbackCore
import RingbackGoogle
import RingbackMapping
import RingbackNormalisation
import RingbackSources

/// A loaded and checked `ringback.yaml`: the business rules plus where to read and write.
package struct RingbackConfig: Sendable {
    package typealias FileSource = FileSourceSettings
    package typealias APISource = APISourceSettings

    package var file: String
    /// The configuration's folder: relative paths in it, and in the state, start here.
    package var base: String { URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.path }
    package var rules: BusinessRules
    package var defaultCountry: String
    package var phones: PhoneNormaliser
    package var sources: [FileSource]
    /// Sources pulled from a phone system's API (`api:` instead of `files:`).
    package var apiSources: [APISource] = []
    /// The field-service tools the office books jobs in (`kind: bookings`): their jobs book open leads.
    package var bookingSources: [BookingSourceSettings] = []
    package var targets: [ConfiguredTarget]
    package var statePath: String
    package var rejectsPath: String
    /// One line per run (time, files, calls, leads, rejects, problems) for the office to see the job is alive.
    package var statusPath: String
    /// Every mapping found in the mappings folder, for guessing.
    package var mappings: [MappingSpec]
    /// Things worth fixing that do not stop a run (e.g. a list row with an unusable phone).
    package var warnings: [String]
    /// Set when a target is a Google one.
    package var google: GoogleSettings?
    /// List kind (`customers`, `active_jobs`, `vendors`, `spam`) → tab of the Google Sheet it is read from each run.
    package var listTabs: [ListKind: String] = [:]
    /// Where the weekly review goes and what it measures against (`review:`).
    package var review: ReviewSettings
    /// The `booking:` section: the rules are also in `rules.booking`; here with each crew's calendar.
    package var booking: BookingSettings?
}
