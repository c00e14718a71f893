import Foundation
import RingbackCodecs
import RingbackCore
import RingbackMapping
import RingbackYAML

/// A set of export files (`files:` globs): each file is read once, and again only when it changes.
/// Files are mapped by the source's mapping or, without one, by the mapping that recognises them.
package struct FileCallSource: CallSource {
    package let settings: FileSourceSettings
    /// Every mapping of the mappings folder, for recognising files.
    package let catalogue: [MappingSpec]
    /// The source's name, zone, and the business's numbers, for its mappings.
    package let context: MappingContext
    /// The configuration's folder: files are remembered by their path relative to it.
    package let base: String
    package var progress: (@Sendable (String) -> Void)?

    package var name: String { settings.name }

    package init(
        settings: FileSourceSettings, catalogue: [MappingSpec], context: MappingContext, base: String,
        progress: (@Sendable (String) -> Void)? = nil
    ) {
        self.settings = settings
        self.catalogue = catalogue
        self.context = context
        self.base = base
        self.progress = progress
    }

    package func pull(_ state: any SourceStateReading, now: Date) throws -> SourcePull {
        var pull = SourcePull(source: name)
        var legsByMapping: [String: (engine: MappingEngine, legs: [CallLeg])] = [:]
        let files = settings.patterns.flatMap(FileGlob.expand)
        for (index, path) in files.enumerated() {
            var seen = fingerprint(path)
            if try alreadyRead(&seen, absolutePath: path, state: state, into: &pull) { continue }
            progress?("\(name): reading \(path) (\(index + 1)/\(files.count))")
            pull.filesRead += 1
            // A file that cannot be read or that no mapping recognises is tried again next run (permissions
            // fixed, a mapping added); one that was read, however badly, is not, unless it changes.
            guard let (spec, bytes) = read(path, into: &pull) else { continue }
            seen.contentHash = ContentHash.hex(bytes)
            pull.processedFiles.append(seen)
            let engine = legsByMapping[spec.name]?.engine ?? MappingEngine(spec: spec, context: context)
            let read = engine.read(bytes: bytes, file: path)
            pull.records += read.records
            pull.rejects.append(contentsOf: read.rejects)
            legsByMapping[spec.name, default: (engine, [])].legs.append(contentsOf: read.legs)
        }
        for mapping in legsByMapping.keys.sorted() {
            let (engine, legs) = legsByMapping[mapping]!
            pull.calls.append(contentsOf: CallAssembler(engine: engine).calls(from: legs))
            if let warning = CallerNumberCoverage(legs: legs).warning(spec: engine.spec) { pull.warnings.append(warning) }
        }
        pull.silence = try silence(files: files, pulled: pull.calls, state: state, now: now)
        return pull
    }

    /// No file where files are expected, or no new call for too long.
    private func silence(files: [String], pulled: [Call], state: any SourceStateReading, now: Date) throws -> SourceSilence? {
        if files.isEmpty && !settings.allowEmpty { return SourceSilence(source: name, kind: .noFiles(patterns: settings.patterns)) }
        let newest = [try state.latestCall(source: name), pulled.map(\.startedAt).max()].compactMap { $0 }.max()
        return SourceSilence.stale(source: name, lastCall: newest, hours: settings.staleAfterHours, now: now)
    }

    /// Whether the file was read before: the same size and time, or the same size and bytes (a folder
    /// copied elsewhere gets new times). Found under its absolute path (as earlier releases kept it) or
    /// with new times, it is recorded again under its relative path and hash.
    private func alreadyRead(
        _ seen: inout ProcessedFile, absolutePath: String, state: any SourceStateReading,
        into pull: inout SourcePull
    ) throws -> Bool {
        let recorded = try state.processedFile(source: name, path: seen.path)
        guard let previous = try recorded ?? state.processedFile(source: name, path: absolutePath), previous.size == seen.size else {
            return false
        }
        if previous.modifiedAt == seen.modifiedAt && recorded != nil {
            pull.filesSkipped += 1
            return true
        }
        let hash = try? ContentHash.hex(FileBytes.contents(of: absolutePath))
        guard previous.modifiedAt == seen.modifiedAt || (hash != nil && hash == previous.contentHash) else { return false }
        seen.contentHash = hash
        pull.processedFiles.append(seen)
        pull.filesSkipped += 1
        return true
    }

    /// The file's bytes and the mapping that reads them; a reject when there is neither.
    private func read(_ path: String, into pull: inout SourcePull) -> (MappingSpec, [UInt8])? {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.contents(of: path)
        } catch {
            pull.rejects.append(RecordReject(file: path, location: "0", reason: "cannot read the file: \(error.localizedDescription)"))
            return nil
        }
        if bytes.isEmpty {
            pull.rejects.append(RecordReject(file: path, location: "0", reason: "the file is empty (0 bytes)"))
            return nil
        }
        guard let spec = settings.mapping ?? MappingGuesser.guess(bytes: bytes, among: catalogue)?.spec else {
            pull.rejects.append(
                RecordReject(file: path, location: "1", reason: "no mapping recognises this file; name one with `mapping:` for source \(name)"))
            return nil
        }
        return (spec, bytes)
    }

    private func fingerprint(_ path: String) -> ProcessedFile {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes?[.modificationDate] as? Date) ?? .distantPast
        return ProcessedFile(source: name, path: ConfigPath.relative(path, to: base), size: size, modifiedAt: modified)
    }
}
