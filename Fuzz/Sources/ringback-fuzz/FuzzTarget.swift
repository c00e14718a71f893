import Foundation
import RingbackCore
import RingbackMapping
import RingbackNormalisation

/// One mapping's engine, chosen by `RINGBACK_FUZZ_MAPPING` (a file name in mappings/ without
/// `.yaml`), run over every input libFuzzer makes: reading, then grouping legs into calls, as a sync does.
enum FuzzTarget {
    static let engine: MappingEngine = {
        let name = ProcessInfo.processInfo.environment["RINGBACK_FUZZ_MAPPING"] ?? "freeswitch-xml-cdr"
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = repository.appendingPathComponent("mappings/\(name).yaml").path
        do {
            let spec = try MappingSpecLoader.load(yaml: try String(contentsOfFile: file, encoding: .utf8), file: file)
            let context = MappingContext(sourceName: "fuzz", phones: try PhoneNormaliser(defaultCountry: "US"),
                                         zone: try LocalZone(identifier: "America/Chicago"), ownNumbers: ["+15125550100"])
            return MappingEngine(spec: spec, context: context)
        } catch {
            fatalError("ringback-fuzz: cannot load mapping \(file): \(error)")
        }
    }()

    static func run(_ bytes: [UInt8]) {
        let result = engine.read(bytes: bytes, file: "fuzz-input")
        _ = CallAssembler(engine: engine).calls(from: result.legs)
        precondition(result.rejects.allSatisfy { $0.file == "fuzz-input" && !$0.reason.isEmpty }, "a reject lost its file or reason")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
