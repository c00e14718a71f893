import Foundation
import RingbackYAML
import Testing

@testable import RingbackMapping

/// A mapping's XPath that libxml2 refuses is reported when the mapping loads, with the mapping's
/// file, line and key and libxml2's own reason.
@Suite struct MappingXPathErrorTests {
    static let mapping = """
        name: pbx
        format: xml
        xml:
          records: /cdr
        fields:
          id: variables/uuid
          start: variables/start_epoch
          from: variables/caller_id
          billsec: BILLSEC
        time_format: epoch
        direction:
          infer: true
        """

    @Test(arguments: [
        ("variables/billsec[", "Invalid expression at character 19"),
        ("variables/billsec[@a = 'b]", "Unfinished literal at character"),
        ("frobnicate(variables)", "Unregistered function"),
        ("$uuid", "Undefined variable"),
        ("x:billsec", "Undefined namespace prefix"),
        ("count('x')", "Invalid type"),
        ("'a' | b", "Invalid type"),
        ("", "Invalid expression"),
        ("string(variables/billsec)", "gives a string, not nodes"),
    ])
    func aBadFieldXPathIsReportedWithTheMappingsLineAndKey(xpath: String, message: String) throws {
        let yaml = Self.mapping.replacingOccurrences(of: "BILLSEC", with: "\"\(xpath)\"")
        let error = try #require(Self.error(yaml))
        #expect(error.line == 9)
        #expect(error.key == "fields.billsec")
        #expect(error.description.hasPrefix("mappings/pbx.yaml:9: fields.billsec: XPath `\(xpath)`"), "\(error)")
        #expect(error.message.contains(message), "\(error)")
    }

    @Test func aBadRecordsXPathIsReportedToo() throws {
        let yaml = Self.mapping.replacingOccurrences(of: "records: /cdr", with: "records: \"/cdr[\"").replacingOccurrences(
            of: "BILLSEC", with: "variables/billsec")
        let error = try #require(Self.error(yaml))
        #expect(error.line == 4)
        #expect(error.key == "xml.records")
        #expect(error.message.hasPrefix("XPath `/cdr[`: Invalid expression"), "\(error)")
    }

    @Test func everyShippedMappingsXPathLoads() throws {
        #expect(try MappingFixtures.allSpecs().filter { $0.format == .xml || $0.format == .html }.count == 2)
    }

    static func error(_ yaml: String) -> YAMLFileError? {
        do {
            _ = try MappingSpecLoader.load(yaml: yaml, file: "mappings/pbx.yaml")
            return nil
        } catch {
            return error
        }
    }
}
