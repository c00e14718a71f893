import RingbackYAML
import Testing

@testable import RingbackMapping

/// Mistakes in the keys for XML, HTML, nested legs and event exports, each named by file, line and key.
@Suite struct MappingSpecLoaderFormatTests {
    static let xml = """
        name: pbx-xml
        format: xml
        xml:
          records: /cdr
        fields:
          id: variables/uuid
          start: variables/start_epoch
          from: { path: variables/caller_id, decode: url, part: number }
          billsec: variables/billsec
        time_format: epoch
        direction:
          infer: true
        outcome:
          answered_when:
            - { billsec: { above: 0 } }
        """

    static func error(_ text: String) -> YAMLFileError? {
        do {
            _ = try MappingSpecLoader.load(yaml: text, file: "mappings/pbx.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func theXMLMappingLoads() throws {
        let spec = try MappingSpecLoader.load(yaml: Self.xml, file: "pbx.yaml")
        #expect(spec.format == .xml)
        #expect(spec.layout.recordsXPath == "/cdr")
        #expect(spec.fields["from"]?.decode == .url)
        #expect(spec.fields["from"]?.part == .number)
        #expect(spec.fields["id"]?.decode == nil)
    }

    @Test func anXPathTheLibraryCannotEvaluateIsReportedWithItsLine() throws {
        let error = try #require(Self.error(Self.xml.replacingOccurrences(of: "billsec: variables/billsec", with: "billsec: variables/billsec[")))
        #expect(error.line == 9)
        #expect(error.key == "fields.billsec")
        #expect(error.description.hasPrefix("mappings/pbx.yaml:9: fields.billsec: XPath `variables/billsec[`: Invalid expression at character 19"))
    }

    @Test func anXPathThatSelectsNoNodesIsReported() throws {
        let error = try #require(
            Self.error(Self.xml.replacingOccurrences(of: "billsec: variables/billsec", with: "billsec: count(variables/billsec)")))
        #expect(error.key == "fields.billsec")
        #expect(error.message.contains("gives a number, not nodes"))
    }

    @Test func theRecordsXPathIsChecked() throws {
        let error = try #require(Self.error(Self.xml.replacingOccurrences(of: "records: /cdr", with: "records: /x:cdr")))
        #expect(error.line == 4)
        #expect(error.key == "xml.records")
        #expect(error.message.contains("Undefined namespace prefix"))
    }

    @Test func otherMistakes() throws {
        let withoutRecords = Self.xml.replacingOccurrences(of: "xml:\n  records: /cdr\n", with: "")
        #expect(Self.error(withoutRecords)?.key == "format")
        #expect(Self.error(withoutRecords)?.message.contains("`xml: records:`") == true)
        let htmlSection = Self.xml.replacingOccurrences(of: "xml:\n", with: "html:\n")
        #expect(Self.error(htmlSection)?.key == "html")
        let decode = try #require(Self.error(Self.xml.replacingOccurrences(of: "decode: url", with: "decode: base64")))
        #expect(decode.key == "fields.from.decode")
        #expect(decode.message == "expected url")
        #expect(
            Self.error(Self.xml.replacingOccurrences(of: "billsec: variables/billsec", with: "billsec: { column: 14 }"))?.message
                .contains("XPath expressions") == true)
        #expect(
            Self.error(Self.xml.replacingOccurrences(of: "billsec: { above: 0 }", with: "seconds: { above: 0 }"))?.message
                .contains("`seconds` is not defined") == true)
    }

    static let json = """
        name: hooks
        format: json
        json:
          records: events
        fields:
          id: call.id
          start: call.started
          from: call.from
          answered: call.answered
        time_format: epoch
        direction:
          infer: true
        outcome:
          answered_when:
            - { answered: ["true"] }
        """

    @Test func jsonLayoutKeys() throws {
        let legFields = Self.json.replacingOccurrences(of: "  records: events\n", with: "  records: events\n  leg_fields:\n    agent: who\n")
        let error = try #require(Self.error(legFields))
        #expect(error.key == "json.leg_fields")
        #expect(error.message.contains("`legs:`"))

        let noID = Self.json.replacingOccurrences(of: "  records: events\n", with: "  records: events\n  last_event_wins: true\n")
            .replacingOccurrences(of: "  id: call.id\n", with: "")
        #expect(Self.error(noID)?.key == "json")
        #expect(Self.error(noID)?.message.contains("needs an `id` field") == true)

        let legRule = Self.json.replacingOccurrences(
            of: "  records: events\n", with: "  records: events\n  legs: hops\n  leg_fields:\n    agent: who\n"
        )
        .replacingOccurrences(of: "- { answered: [\"true\"] }", with: "- { agent: { empty: false } }")
        let spec = try MappingSpecLoader.load(yaml: legRule, file: "hooks.yaml")
        #expect(spec.answeredWhen.first?.tests.first?.field == "agent")
    }

    @Test func columnKindsListTheKnownKinds() throws {
        let text = """
            name: x
            format: csv
            csv:
              header: false
              columns: [a, b]
            fields:
              start: a
              from: b
            time_format: iso8601
            direction:
              infer: true
            outcome:
              answered_when:
                - { start: [x] }
            detect:
              column_kinds: { 1: guid }
            """
        let error = try #require(Self.error(text))
        #expect(error.message == "expected one of date_time, disposition, caller_id, digits, uuid")
    }
}
