import Foundation
import RingbackCore
import RingbackNormalisation

@testable import RingbackMapping

/// Finds the repository's mappings and this target's fixture files from `#filePath`, so no
/// Package.swift resources are needed, and runs a mapping over fixture files.
enum MappingFixtures {
    /// Tests/RingbackMappingTests
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repoRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let mappingsFolder = repoRoot.appendingPathComponent("mappings")
    static let fixturesFolder = testsFolder.appendingPathComponent("Fixtures")
    /// The research samples shared between the project's checkouts (may be absent).
    static let realSamplesFolder = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/samples-real")

    /// The business's own lines in the fixtures: main line, tracking number, Asterisk DID.
    static let ownNumbers: Set<String> = ["+15125550100", "+15125550101", "+15125550199"]
    static let chicago = try! LocalZone(identifier: "America/Chicago")

    static func mappingNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: mappingsFolder.path)
            .filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(5)) }
            .sorted()
    }

    static func spec(_ name: String) throws -> MappingSpec {
        let url = mappingsFolder.appendingPathComponent("\(name).yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try MappingSpecLoader.load(yaml: text, file: url.path)
    }

    static func allSpecs() throws -> [MappingSpec] {
        try mappingNames().map(spec)
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixturesFolder.appendingPathComponent(relativePath)))
    }

    static func engine(_ name: String, zone: LocalZone = chicago) throws -> MappingEngine {
        MappingEngine(
            spec: try spec(name),
            context: MappingContext(
                sourceName: "test", phones: try PhoneNormaliser(defaultCountry: "US"), zone: zone, ownNumbers: ownNumbers))
    }

    struct Run {
        var legs: [CallLeg] = []
        var rejects: [RecordReject] = []
        var records = 0
        var calls: [Call] = []

        func call(_ key: String) -> Call? { calls.first { $0.key == key } }
    }

    /// Reads each file in order with one engine, then groups all legs into calls, as a sync run does.
    static func run(_ mapping: String, _ files: [String], zone: LocalZone = chicago) throws -> Run {
        let engine = try engine(mapping, zone: zone)
        var run = Run()
        for file in files {
            let result = engine.read(bytes: try bytes(file), file: file)
            run.legs += result.legs
            run.rejects += result.rejects
            run.records += result.records
        }
        run.calls = CallAssembler(engine: engine).calls(from: run.legs)
        return run
    }

    /// Same, for in-memory text.
    static func run(_ mapping: String, text: String, file: String = "inline") throws -> Run {
        let engine = try engine(mapping)
        let result = engine.read(bytes: Array(text.utf8), file: file)
        return Run(
            legs: result.legs, rejects: result.rejects, records: result.records,
            calls: CallAssembler(engine: engine).calls(from: result.legs))
    }

    static func instant(_ epoch: Double) -> Date { Date(timeIntervalSince1970: epoch) }
}
