import Foundation
import RingbackCore
import RingbackJSON
import Testing

@testable import RingbackMapping

/// OpenPhone/Quo `GET /v1/calls`: the caller is only in the `participants` list, a call is missed
/// when `answeredAt` is null, a ringing call has not ended, and the voicemail (merged in by the
/// source's follow-up request) makes a missed call a voicemail.
@Suite struct OpenPhoneMappingTests {
    @Test func theCallerComesOutOfTheParticipantsList() throws {
        let run = try MappingFixtures.run("openphone-calls-json", ["openphone/calls-page.json"])
        #expect(run.rejects.isEmpty, "\(run.rejects)")
        #expect(run.records == 5)
        #expect(run.call("openphone:AC0001missed")?.customer == .number("+17205550111"))
        #expect(run.call("openphone:AC0004outgoing")?.customer == .number("+17205550144"))
    }

    @Test func missedWhenNobodyAnsweredAndARingingCallWaits() throws {
        let run = try MappingFixtures.run("openphone-calls-json", ["openphone/calls-page.json"])
        #expect(run.call("openphone:AC0001missed")?.outcome == .missed)
        #expect(run.call("openphone:AC0002answered")?.outcome == .answered)
        #expect(run.call("openphone:AC0003ringing") == nil)
        let voicemail = try #require(run.call("openphone:AC0005noanswer"))
        #expect(voicemail.outcome == .voicemail)
        #expect(voicemail.transcript?.contains("water heater is leaking") == true)
        #expect(run.calls.filter { $0.direction == .inbound && $0.outcome != .answered }.count == 2)
    }

    /// The mistake a new user makes: the whole list as the caller is a reject naming the field, never
    /// `["+17205550111"]` as a phone number.
    @Test func theWholeListAsTheCallerIsARejectNamingTheField() throws {
        let url = MappingFixtures.mappingsFolder.appendingPathComponent("openphone-calls-json.yaml")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "customer: participants[0]", with: "customer: participants")
        let spec = try MappingSpecLoader.load(yaml: text, file: "openphone.yaml")
        let engine = MappingEngine(
            spec: spec,
            context: MappingContext(sourceName: "test", phones: try .init(defaultCountry: "US"), zone: MappingFixtures.chicago))
        let read = engine.read(bytes: try MappingFixtures.bytes("openphone/calls-page.json"), file: "calls-page.json")
        #expect(read.legs.isEmpty)
        #expect(read.rejects.count == 5)
        #expect(read.rejects.first?.reason.contains("field `customer` (path `participants`) is a list of 1, not one value") == true)
        #expect(read.rejects.first?.reason.contains("`participants[0]`") == true)
        #expect(read.rejects.first?.location == "data[0]")
    }
}

/// List paths, "first non-empty of", and the mistakes the loader names with file, key and character.
@Suite struct ListPathTests {
    static func spec(fields: String, format: String = "json", records: String = "calls") throws -> MappingSpec {
        try MappingSpecLoader.load(
            yaml: """
                name: lists
                format: \(format)
                \(format == "json" ? "json:\n  records: \(records)" : "")
                fields:
                \(fields)
                  status: status
                time_format: iso8601
                direction:
                  infer: true
                outcome:
                  answered_when:
                    - { status: [answered] }
                """, file: "mappings/lists.yaml")
    }

    static func read(_ spec: MappingSpec, _ json: String) -> MappingEngine.FileResult {
        let engine = MappingEngine(
            spec: spec,
            context: MappingContext(
                sourceName: "test", phones: try! .init(defaultCountry: "US"), zone: MappingFixtures.chicago, ownNumbers: ["+15125550100"]))
        return engine.read(bytes: Array(json.utf8), file: "calls.json")
    }

    static let calls = """
        {"calls": [
          {"at": "2026-11-18T14:00:00Z", "status": "missed", "people": [{"role": "internal", "number": "+15125550100"},
                                                                      {"role": "external", "number": "+17205550111"}]},
          {"at": "2026-11-18T15:00:00Z", "status": "missed", "people": [{"role": "external", "number": ""}], "ani": "+17205550122"}
        ]}
        """

    @Test func aFilterBySiblingAndFirstNonEmptyPickTheCaller() throws {
        let spec = try Self.spec(
            fields: """
                  start: at
                  from: ['people[?role == "external"].number', ani]
                  to: 'people[?role == "internal"].number'
                """)
        let read = Self.read(spec, Self.calls)
        #expect(read.rejects.isEmpty, "\(read.rejects)")
        #expect(read.legs.map(\.from) == [.number("+17205550111"), .number("+17205550122")])
        #expect(read.legs.first?.to == .number("+15125550100"))
    }

    @Test func aCSVFieldTakesTheFirstOfItsColumnsThatHasText() throws {
        let spec = try Self.spec(fields: "  start: Date\n  from: [Caller, ANI]", format: "csv")
        let read = Self.read(
            spec, "Date,Caller,ANI,status\n2026-11-18T14:00:00Z,,+17205550111,missed\n2026-11-18T15:00:00Z,+17205550122,+17205550199,missed\n")
        #expect(read.rejects.isEmpty, "\(read.rejects)")
        #expect(read.legs.map(\.from) == [.number("+17205550111"), .number("+17205550122")])
    }

    @Test func anObjectWhereANumberIsExpectedIsAReject() throws {
        let spec = try Self.spec(fields: "  start: at\n  from: people[-1]")
        let read = Self.read(spec, Self.calls)
        #expect(read.legs.isEmpty)
        #expect(read.rejects.first?.reason.contains("field `from` (path `people[-1]`) is an object (number, role), not one value") == true)
    }

    @Test func mostCallsWithoutACallersNumberIsAWarningNamingTheField() throws {
        let spec = try Self.spec(fields: "  start: at\n  from: people[0].number")
        let legs = (0..<4).flatMap { _ in Self.read(spec, Self.calls).legs }
        let coverage = CallerNumberCoverage(legs: legs)
        #expect(coverage.records == 8 && coverage.withNumber == 0)
        let warning = try #require(coverage.warning(spec: spec))
        #expect(warning.contains("only 0 of 8 calls have a caller's number"))
        #expect(warning.contains("`from` (`people[0].number`)"))
        let good = try Self.spec(fields: "  start: at\n  from: ['people[-1].number', ani]")
        #expect(CallerNumberCoverage(legs: (0..<4).flatMap { _ in Self.read(good, Self.calls).legs }).warning(spec: good) == nil)
    }

    @Test(arguments: [
        ("  start: at\n  from: 'people[0'", "path `people[0` at character 9: expected `]`"),
        ("  start: at\n  from: 'people[?role = 1].number'", "at character 14: expected `==` or `!=`"),
        ("  start: at\n  from: [ani, 'a..b']", "path `a..b` at character 3"),
    ])
    func badPathSyntaxNamesFileKeyAndCharacter(fields: String, message: String) {
        #expect {
            try Self.spec(fields: fields)
        } throws: { error in
            let text = "\(error)"
            return text.contains("mappings/lists.yaml:") && text.contains("fields.from") && text.contains(message)
        }
    }

    @Test func aBadRecordsPathIsAMappingError() {
        #expect {
            try Self.spec(fields: "  start: at\n  from: from", records: "'calls['")
        } throws: { error in
            "\(error)".contains("json.records") && "\(error)".contains("at character 7")
        }
    }
}

/// The `api.follow_up` section: which records are followed up, the request path per record, and
/// mistakes named where they are.
@Suite struct APIFollowUpTests {
    static func followUp() throws -> APIFollowUp {
        try #require(try MappingFixtures.spec("openphone-calls-json").api?.followUps.first)
    }

    @Test func onlyUnansweredIncomingCallsAreFollowedUpEachAtItsOwnPath() throws {
        let followUp = try Self.followUp()
        let missed: JSONValue = ["id": "AC 1/2", "answeredAt": nil, "direction": "incoming"]
        let answered: JSONValue = ["id": "AC2", "answeredAt": "2026-11-18T15:10:05Z", "direction": "incoming"]
        let outgoing: JSONValue = ["id": "AC3", "answeredAt": nil, "direction": "outgoing"]
        #expect(followUp.applies(to: missed))
        #expect(!followUp.applies(to: answered))
        #expect(!followUp.applies(to: outgoing))
        #expect(
            followUp.path(for: missed) { $0.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "/", with: "%2F") }
                == "/v1/call-voicemails/AC%201%2F2")
        #expect(followUp.path(for: ["answeredAt": nil]) { $0 } == nil)
        #expect(followUp.maxPerRun == 500 && followUp.records == "data" && followUp.name == "voicemail")
    }

    @Test(arguments: [
        ("path: /v1/call-voicemails", "name the record's field the request is for between braces"),
        ("path: v1/call-voicemails/{id}", "expected a path starting with /"),
        ("path: '/v1/call-voicemails/{id[}'", "path `id[` at character 4"),
        ("path: /v1/x/{id}\n      colour: red", "colour"),
    ])
    func mistakesAreNamed(line: String, message: String) throws {
        let url = MappingFixtures.mappingsFolder.appendingPathComponent("openphone-calls-json.yaml")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "path: /v1/call-voicemails/{id}", with: line)
        #expect {
            try MappingSpecLoader.load(yaml: text, file: "mappings/openphone-calls-json.yaml")
        } throws: { error in
            "\(error)".contains("mappings/openphone-calls-json.yaml:") && "\(error)".contains("api.follow_up") && "\(error)".contains(message)
        }
    }
}
