import Foundation
import RingbackCodecs
import RingbackCore
import RingbackMapping

/// Pulls new call records from every source: skips files already processed, maps the rest, pulls the
/// API sources (`APIIngest`), and collects rejects instead of stopping.
public struct CallIngest: Sendable {
    public struct Result: Sendable {
        public var calls: [Call] = []
        public var processedFiles: [ProcessedFile] = []
        public var rejects: [RecordReject] = []
        public var summary = IngestSummary()
        /// New watermarks of API sources read to their last page.
        public var watermarks: [String: Date] = [:]
        /// API sources that stopped part-way; what they read is in `calls`.
        public var pullFailures: [APIPullFailure] = []
    }

    public let config: RingbackConfig
    public let store: any StateStoring
    /// The run's clock: where an API source with no watermark and no `start_at:` starts.
    public let now: Date
    public var progress: (@Sendable (String) -> Void)?

    public init(config: RingbackConfig, store: any StateStoring, now: Date = Date(), progress: (@Sendable (String) -> Void)? = nil) {
        self.config = config
        self.store = store
        self.now = now
        self.progress = progress
    }

    public func run() throws -> Result {
        var result = Result()
        var groups = 0
        for source in config.sources {
            var legsByMapping: [String: (MappingEngine, [CallLeg])] = [:]
            let files = source.patterns.flatMap(FileGlob.expand)
            for (index, path) in files.enumerated() {
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
                let modified = (attributes?[.modificationDate] as? Date) ?? .distantPast
                let seen = ProcessedFile(source: source.name, path: path, size: size, modifiedAt: modified)
                if let previous = try store.processedFile(source: source.name, path: path),
                   previous.size == size, previous.modifiedAt == modified {
                    result.summary.filesSkipped += 1
                    continue
                }
                progress?("\(source.name): reading \(path) (\(index + 1)/\(files.count))")
                result.summary.filesRead += 1
                result.processedFiles.append(seen)
                let bytes: [UInt8]
                do {
                    bytes = try FileBytes.contents(of: path)
                } catch {
                    result.rejects.append(RecordReject(file: path, location: "0", reason: "cannot read the file: \(error.localizedDescription)"))
                    continue
                }
                if bytes.isEmpty {
                    result.rejects.append(RecordReject(file: path, location: "0", reason: "the file is empty (0 bytes)"))
                    continue
                }
                guard let spec = source.mapping ?? MappingGuesser.guess(bytes: bytes, among: config.mappings)?.spec else {
                    result.rejects.append(RecordReject(file: path, location: "1", reason: "no mapping recognises this file; name one with `mapping:` for source \(source.name)"))
                    continue
                }
                let engine = legsByMapping[spec.name]?.0 ?? MappingEngine(spec: spec, context: MappingContext(
                    sourceName: source.name, phones: config.phones, zone: source.zone, ownNumbers: config.rules.ownNumbers))
                let read = engine.read(bytes: bytes, file: path)
                result.summary.records += read.records
                result.rejects.append(contentsOf: read.rejects)
                if var legs = legsByMapping.removeValue(forKey: spec.name)?.1 {
                    legs.append(contentsOf: read.legs)
                    legsByMapping[spec.name] = (engine, legs)
                } else {
                    legsByMapping[spec.name] = (engine, read.legs)
                }
            }
            for name in legsByMapping.keys.sorted() {
                let (engine, legs) = legsByMapping[name]!
                result.calls.append(contentsOf: CallAssembler(engine: engine).calls(from: legs))
                groups += 1
            }
        }
        if !config.apiSources.isEmpty {
            let pulled = try APIIngest(config: config, store: store, now: now, progress: progress).run()
            result.calls.append(contentsOf: pulled.calls)
            result.rejects.append(contentsOf: pulled.rejects)
            result.summary.records += pulled.records
            result.watermarks = pulled.watermarks
            result.pullFailures = pulled.failures
            groups += config.apiSources.count
        }
        // One mapping's calls are unique already; the same call from two exports (a JSON page and a CSV
        // download of it, or two sources) is kept once.
        if groups > 1 {
            var seen = Set<String>(minimumCapacity: result.calls.count)
            result.calls = result.calls.filter { seen.insert($0.key).inserted }
        }
        result.summary.rejects = result.rejects.count
        return result
    }
}
