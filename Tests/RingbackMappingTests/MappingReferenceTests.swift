import Foundation
import Testing

@testable import RingbackMapping

/// docs/mappings.md documents exactly the keys the loader accepts.
@Suite struct MappingReferenceTests {
    static func documentedKeys() throws -> Set<String> {
        let text = try String(contentsOf: MappingFixtures.repoRoot.appendingPathComponent("docs/mappings.md"), encoding: .utf8)
        var keys = Set<String>()
        var inKeyTable = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("| Key |") { inKeyTable = true; continue }
            guard line.hasPrefix("|") else { inKeyTable = false; continue }
            guard inKeyTable, line.hasPrefix("| `") else { continue }
            let rest = line.dropFirst(3)
            guard let end = rest.firstIndex(of: "`") else { continue }
            keys.insert(String(rest[..<end]))
        }
        return keys
    }

    @Test func everyKeyTheLoaderAcceptsIsDocumented() throws {
        let missing = MappingKeys.qualified.subtracting(try Self.documentedKeys())
        #expect(missing.isEmpty, "docs/mappings.md does not document: \(missing.sorted())")
    }

    @Test func theDocumentNamesNoKeyTheLoaderRefuses() throws {
        let unknown = try Self.documentedKeys().subtracting(MappingKeys.qualified)
        #expect(unknown.isEmpty, "docs/mappings.md documents keys the loader does not know: \(unknown.sorted())")
    }

    @Test func theLoaderRefusesAKeyOutsideTheLists() {
        let text = MappingSpecLoaderTests.valid.replacingOccurrences(of: "json:\n  records: calls", with: "json:\n  records: calls\n  record: calls")
        #expect(MappingSpecLoaderTests.error(text)?.description.contains("record") == true)
    }
}
