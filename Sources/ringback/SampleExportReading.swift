import Foundation
import RingbackCodecs
import RingbackCore
import RingbackJSON
import RingbackMapping
import RingbackNormalisation

/// What `init` learns from one sample export: the mapping that reads it (or, when none does, the
/// closest one and the fields it could not place), and the business's own numbers.
struct SampleExportReading {
    let spec: MappingSpec?
    /// When no mapping recognises the file: the closest mapping of its format and the fields it could not place.
    let closest: (spec: MappingSpec, unplaced: [String])?
    let ownNumbers: [(number: String, calls: Int)]
    let inboundCalls: Int
    let records: Int

    init(bytes: [UInt8], file: String, specs: [MappingSpec]) throws {
        guard let guess = MappingGuesser.guess(bytes: bytes, among: specs) else {
            spec = nil
            closest = Self.closest(bytes: bytes, specs: specs)
            ownNumbers = []
            inboundCalls = 0
            records = 0
            return
        }
        spec = guess.spec
        closest = nil
        let engine = MappingEngine(
            spec: guess.spec,
            context: MappingContext(sourceName: "init", phones: try PhoneNormaliser(defaultCountry: "US"), zone: try LocalZone(identifier: "UTC")))
        let read = engine.read(bytes: bytes, file: file)
        records = read.records
        let inbound = read.legs.filter { $0.parent.isEmpty && $0.direction == .inbound }
        inboundCalls = inbound.count
        ownNumbers = Self.mostCalled(inbound)
    }

    /// The numbers inbound calls were made to, most called first: those that took at least a tenth of
    /// the calls, at most five.
    static func mostCalled(_ inbound: [CallLeg]) -> [(number: String, calls: Int)] {
        var counts: [String: Int] = [:]
        for leg in inbound { if let number = leg.to.e164 { counts[number, default: 0] += 1 } }
        let threshold = max(1, inbound.count / 10)
        return counts.filter { $0.value >= threshold }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(5).map { ($0.key, $0.value) }
    }

    /// The mapping of the file's format whose fields the file holds most of, and the fields it does not.
    static func closest(bytes: [UInt8], specs: [MappingSpec]) -> (spec: MappingSpec, unplaced: [String])? {
        let text = LenientText.decode(Array(bytes.prefix(65_536)))
        let trimmed = text.drop { $0.isWhitespace }
        let isJSON = trimmed.first == "{" || trimmed.first == "["
        if isJSON {
            guard let parsed = try? JSONValue.parse(bytes, longIntegersAsText: true) else { return nil }
            return specs.filter { $0.format == .json }.map { spec in
                let record = parsed.value(at: spec.jsonRecords)?.array?.first ?? parsed
                return (
                    spec,
                    spec.fields.keys.sorted().filter { key in
                        !spec.fields[key]!.names.contains { record.value(at: $0) != nil }
                    }
                )
            }.min { $0.1.count != $1.1.count ? $0.1.count < $1.1.count : $0.0.name < $1.0.name }
        }
        var header: [String] = []
        _ = CSVReader(bytes: Array(bytes.prefix(65_536)), delimiter: CSVReader.sniffDelimiter(bytes.prefix(4096))).forEachRecord { record in
            if header.isEmpty { header = record.fields }
        }
        let names = Set(header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return specs.filter { $0.format == .csv && $0.csvHeader }.map { spec in
            (spec, spec.fields.keys.sorted().filter { key in !spec.fields[key]!.names.contains { names.contains($0.lowercased()) } })
        }.min { $0.1.count != $1.1.count ? $0.1.count < $1.1.count : $0.0.name < $1.0.name }
    }
}
