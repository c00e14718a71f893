import Foundation
import RingbackCore
import RingbackHTTP
import RingbackMapping

/// Pulls every API source from its watermark less the overlap window and maps the pages like export
/// files. A source whose pages all arrived moves its watermark to the latest call start it saw; one that
/// stopped part-way keeps its old watermark, records none of its calls, and is reported.
struct APIIngest {
    struct Result {
        var calls: [Call] = []
        var rejects: [RecordReject] = []
        var records = 0
        /// Source name → new watermark, only for sources read to the end whose watermark moved.
        var watermarks: [String: Date] = [:]
        var failures: [APIPullFailure] = []
    }

    let config: RingbackConfig
    let store: any StateStoring
    let now: Date
    var progress: (@Sendable (String) -> Void)?

    func run() throws -> Result {
        var result = Result()
        for source in config.apiSources {
            let stored = try store.watermark(source: source.name)
            let since = stored.map { $0.addingTimeInterval(-source.overlap) }
                ?? source.startAt ?? now.addingTimeInterval(-RingbackConfig.APISource.defaultHistory)
            let engine = MappingEngine(spec: source.mapping, context: MappingContext(
                sourceName: source.name, phones: config.phones, zone: source.zone, ownNumbers: config.rules.ownNumbers))
            let progress = self.progress
            let name = source.name
            var onRetry: (@Sendable (String) -> Void)?
            if let progress { onRetry = { message in progress("\(name): \(message)") } }
            let client = HTTPClient(policy: source.retry, onRetry: onRetry)
            var legs: [CallLeg] = []
            var latest: Date?
            do throws(APIPullFailure) {
                try APIPager(source: source, client: client).pull(since: since) { (page: APIPage) -> Void in
                    progress?("\(source.name): page \(page.number)")
                    let read = engine.read(bytes: page.bytes, file: page.displayURL)
                    result.records += read.records
                    result.rejects.append(contentsOf: read.rejects.map { reject in
                        var shown = reject
                        shown.reason = source.variables.redact(reject.reason)
                        shown.raw = source.variables.redact(reject.raw)
                        return shown
                    })
                    for leg in read.legs where latest.map({ leg.start > $0 }) ?? true { latest = leg.start }
                    legs.append(contentsOf: read.legs)
                }
                if let latest, stored.map({ latest > $0 }) ?? true { result.watermarks[source.name] = latest }
            } catch {
                // A call whose legs continue on the page that failed would be recorded half-read and
                // never corrected: nothing of this source is kept, and the next run pulls it all again.
                result.failures.append(error)
                continue
            }
            result.calls.append(contentsOf: CallAssembler(engine: engine).calls(from: legs))
        }
        return result
    }
}
