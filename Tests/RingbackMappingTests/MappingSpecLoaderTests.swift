import Foundation
import RingbackYAML
import Testing

@testable import RingbackMapping

@Suite struct MappingSpecLoaderTests {
    /// A small valid mapping; each test breaks one line of it.
    static let valid = """
        name: phone-co
        format: json
        json:
          records: calls
        fields:
          id: sid
          start: start_time
          from: from
          to: to
          status: status
        time_format: rfc2822
        direction:
          infer: true
        outcome:
          answered_when:
            - { status: [completed] }
        """

    static func lines() -> [String] { valid.components(separatedBy: "\n") }

    /// Loads the text and returns the error it must throw.
    static func error(_ text: String, file: String = "mappings/phone-co.yaml") -> YAMLFileError? {
        do {
            _ = try MappingSpecLoader.load(yaml: text, file: file)
            return nil
        } catch {
            return error
        }
    }

    @Test func theBaseMappingLoads() throws {
        let spec = try MappingSpecLoader.load(yaml: Self.valid, file: "phone-co.yaml")
        #expect(spec.name == "phone-co")
        #expect(spec.keyPrefix == "phone-co")
        #expect(spec.jsonRecords == "calls")
        #expect(spec.answeredWhen.count == 1)
    }

    @Test func everyShippedMappingLoads() throws {
        let names = try MappingFixtures.mappingNames()
        #expect(
            names == [
                "aircall-calls-json", "aircall-webhooks-json", "asterisk-cdr-csv", "asterisk-cdr-custom", "callrail-calls-csv",
                "callrail-calls-json", "dialpad-calls-csv", "freeswitch-cdr-csv", "freeswitch-xml-cdr", "google-voice-takeout-html",
                "openphone-calls-json", "ringcentral-call-log-json", "threecx-call-log-csv", "twilio-calls-csv", "twilio-calls-json",
                "vonage-business-call-logs-json", "zoom-phone-call-logs-json",
            ])
        for name in names {
            let spec = try MappingFixtures.spec(name)
            #expect(spec.name == name, "the `name:` inside \(name).yaml should match its file name")
            #expect(!spec.answeredWhen.isEmpty)
            #expect(!spec.description.isEmpty)
        }
        let cdr = try MappingFixtures.spec("asterisk-cdr-csv")
        #expect(cdr.csvColumns.count == 21)
        #expect(cdr.csvMinColumns == 16)
        #expect(cdr.groupFields == [["linkedid"], ["id"], ["channel", "start"]])
        #expect(cdr.fields["start"]?.position == 10)
        let custom = try MappingFixtures.spec("asterisk-cdr-custom")
        #expect(custom.csvColumns.count == 19)
        #expect(custom.fields["start"]?.position == 9)
        #expect(try MappingFixtures.spec("twilio-calls-json").parentField == "parent")
    }

    @Test func unknownKeyNamesFileLineAndKey() throws {
        var lines = Self.lines()
        lines.insert("colour: blue", at: 2)  // becomes line 3
        let error = try #require(Self.error(lines.joined(separator: "\n")))
        #expect(error.file == "mappings/phone-co.yaml")
        #expect(error.line == 3)
        #expect(error.key == "colour")
        #expect(error.description.hasPrefix("mappings/phone-co.yaml:3: colour: unknown key"))
        #expect(error.description.contains("time_format"))
    }

    @Test func unknownNestedKeyNamesItsPath() throws {
        var lines = Self.lines()
        lines.insert("  delimiter: \";\"", at: 4)  // under json:, line 5
        let error = try #require(Self.error(lines.joined(separator: "\n")))
        #expect(error.line == 5)
        #expect(error.key == "json.delimiter")
        #expect(error.description.hasPrefix("mappings/phone-co.yaml:5: json.delimiter: unknown key"))
    }

    @Test func missingStartFieldIsReported() throws {
        let lines = Self.lines().filter { !$0.contains("start_time") }
        let error = try #require(Self.error(lines.joined(separator: "\n")))
        #expect(error.file == "mappings/phone-co.yaml")
        #expect(error.key == "fields")
        // The `fields:` block's first line (its key is on line 5).
        #expect(error.line == 6)
        #expect(error.message.contains("`start` is required"))
        #expect(error.description.contains("mappings/phone-co.yaml:\(error.line!): fields: "))
    }

    @Test func outcomeRuleNamingAnUndefinedFieldIsReported() throws {
        let text = Self.valid.replacingOccurrences(of: "- { status: [completed] }", with: "- { status: [completed], colour: [red] }")
        let error = try #require(Self.error(text))
        #expect(error.line == 16)
        #expect(error.key.hasPrefix("outcome.answered_when"))
        #expect(error.key.hasSuffix("colour"))
        #expect(error.message.contains("`colour` is not defined under `fields:`"))
        #expect(error.description.hasPrefix("mappings/phone-co.yaml:16: outcome.answered_when"))
    }

    @Test func badTimePatternIsReported() throws {
        let text = Self.valid.replacingOccurrences(of: "time_format: rfc2822", with: "time_format: \"yyyy-MM-dd 'T HH:mm\"")
        let error = try #require(Self.error(text))
        #expect(error.line == 11)
        #expect(error.key == "time_format")
        #expect(error.message.contains("rfc2822"))
        #expect(error.message.contains("unterminated"))
        #expect(error.description.hasPrefix("mappings/phone-co.yaml:11: time_format: "))
    }

    @Test func invalidYAMLSyntaxNamesTheLine() throws {
        let text = Self.valid.replacingOccurrences(of: "  to: to", with: "  to: [to, from")
        let error = try #require(Self.error(text))
        #expect(error.file == "mappings/phone-co.yaml")
        let line = try #require(error.line)
        // The list opens on line 9; the parser notices it is unclosed on line 10.
        #expect((9...10).contains(line))
        #expect(error.message.contains("not valid YAML"))
        #expect(error.description.hasPrefix("mappings/phone-co.yaml:\(line): "))
    }

    @Test func otherMistakesAreCaught() throws {
        #expect(Self.error(Self.valid.replacingOccurrences(of: "format: json", with: "format: xml"))?.key == "format")
        #expect(Self.error(Self.valid.replacingOccurrences(of: "infer: true", with: "inbound: [in]"))?.key == "direction")
        #expect(
            Self.error(Self.valid.replacingOccurrences(of: "- { status: [completed] }", with: "- { leg: parent, status: [completed] }"))?.key
                .hasSuffix("leg") == true)
        #expect(Self.error("")?.line == 1)
        let headerless = """
            name: x
            format: csv
            csv:
              header: false
              columns: [a, b]
            fields:
              start: c
              from: a
            time_format: epoch
            direction: { infer: true }
            outcome:
              answered_when:
                - { b: ["1"] }
            """
        let error = try #require(Self.error(headerless))
        #expect(error.key == "fields.start")
        #expect(error.line == 7)
        #expect(error.message.contains("`c` is not in `csv.columns`"))
    }
}
