import Foundation
import RingbackCore
import RingbackHTTP
import RingbackMapping

/// A phone system's paged API, pulled from the source's watermark less the overlap window and mapped like
/// export files. A pull whose pages all arrived moves the watermark to the latest call start it saw; one
/// that stopped part-way keeps the old watermark, records none of its calls, and is reported.
package struct APICallSource: CallSource {
    package let settings: APISourceSettings
    /// The source's name, zone, and the business's numbers, for its mapping.
    package let context: MappingContext
    package var progress: (@Sendable (String) -> Void)?

    package var name: String { settings.name }

    package init(settings: APISourceSettings, context: MappingContext, progress: (@Sendable (String) -> Void)? = nil) {
        self.settings = settings
        self.context = context
        self.progress = progress
    }

    package func pull(_ state: any SourceStateReading, now: Date) throws -> SourcePull {
        var pull = SourcePull(source: name)
        let stored = try state.watermark(source: name)
        let since =
            stored.map { $0.addingTimeInterval(-settings.overlap) }
            ?? settings.startAt ?? now.addingTimeInterval(-APISourceSettings.defaultHistory)
        let engine = MappingEngine(spec: settings.mapping, context: context)
        let progress = self.progress
        let name = self.name
        var onRetry: (@Sendable (String) -> Void)?
        if let progress { onRetry = { message in progress("\(name): \(message)") } }
        let client = HTTPClient(policy: settings.retry, onRetry: onRetry)
        var legs: [CallLeg] = []
        var latest: Date?
        let followUps = APIFollowUpFetcher(source: settings, client: client)
        do throws(APIPullFailure) {
            try APIPager(source: settings, client: client).pull(since: since) { (page: APIPage) throws(APIPullFailure) -> Void in
                progress?("\(name): page \(page.number)")
                let read = engine.read(bytes: try followUps.enrich(page).bytes, file: page.displayURL)
                pull.records += read.records
                pull.rejects.append(contentsOf: read.rejects.map(redacted))
                for leg in read.legs where latest.map({ leg.start > $0 }) ?? true { latest = leg.start }
                legs.append(contentsOf: read.legs)
            }
        } catch {
            // A call whose legs continue on the page that failed would be recorded half-read and never
            // corrected: nothing of this source is kept, and the next run pulls it all again.
            pull.failure = error
            return pull
        }
        for warning in followUps.warnings { progress?("\(name): \(warning)") }
        pull.warnings += followUps.warnings
        if let warning = CallerNumberCoverage(legs: legs).warning(spec: settings.mapping) { pull.warnings.append(warning) }
        if let latest, stored.map({ latest > $0 }) ?? true { pull.watermark = latest }
        pull.calls = CallAssembler(engine: engine).calls(from: legs)
        let newest = [try state.latestCall(source: name), pull.calls.map(\.startedAt).max()].compactMap { $0 }.max()
        pull.silence = SourceSilence.stale(source: name, lastCall: newest, hours: settings.staleAfterHours, now: now)
        return pull
    }

    /// Rejects show the variables' names, never their values.
    private func redacted(_ reject: RecordReject) -> RecordReject {
        var shown = reject
        shown.reason = settings.variables.redact(reject.reason)
        shown.raw = settings.variables.redact(reject.raw)
        return shown
    }
}
