import Foundation
import RingbackCore
import Testing

@testable import RingbackSync

/// Each configuration value is checked for what it means, and every problem is one line naming the
/// file, the line of the offending value and its key: what was found and what was expected.
@Suite struct ConfigValidationTests {
    /// The sample with `old` replaced by `new`, loaded; the error's text, or nil when it loaded.
    static func problem(_ old: String, _ new: String) throws -> String? {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let text = try workspace.read(workspace.configPath)
        #expect(text.contains(old), "the sample has \(old)")
        try workspace.write(text.replacingOccurrences(of: old, with: new), to: "samples/ringback.yaml")
        do {
            _ = try ConfigLoader.load(path: workspace.configPath)
            return nil
        } catch {
            return "\(error)".replacingOccurrences(of: workspace.configPath, with: "ringback.yaml")
        }
    }

    static func loaded(_ old: String, _ new: String) throws -> RingbackConfig {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let text = try workspace.read(workspace.configPath)
        try workspace.write(text.replacingOccurrences(of: old, with: new), to: "samples/ringback.yaml")
        return try ConfigLoader.load(path: workspace.configPath)
    }

    static let name = "  name: Lone Star Plumbing & Air"

    static let window = "  window_hours: 72"

    @Test func theFollowUpLoopsPromisesAreConfigurable() throws {
        let defaults = try Self.loaded(Self.window, Self.window).rules.followUpPolicy
        #expect(defaults == FollowUpPolicy(attemptsBeforeClose: 2, escalateAfter: 24 * 3600))
        let set = try Self.loaded(Self.window, Self.window + "\n  attempts_before_close: 3\n  escalate_after_hours: 8").rules.followUpPolicy
        #expect(set == FollowUpPolicy(attemptsBeforeClose: 3, escalateAfter: 8 * 3600))
        let wrong = try Self.problem(Self.window, Self.window + "\n  attempts_before_close: -1")
        #expect(wrong?.contains("follow_up.attempts_before_close") == true)
    }
    static let zone = "time_zone: America/Chicago          #"

    @Test func aDuplicateKeyIsOneLineAtTheDuplicateNamingTheFirst() throws {
        let message = try Self.problem(Self.name, Self.name + "\n  name: Lone Star Again")
        #expect(message == "ringback.yaml:8: business.name: duplicate key (first at line 7)")
    }

    @Test func anUnterminatedQuoteIsReportedOnItsOwnLine() throws {
        let message = try #require(try Self.problem(Self.name, "  name: \"Lone Star Plumbing & Air"))
        #expect(message.hasPrefix("ringback.yaml:7: not valid YAML: found a \" that is never closed"))
        #expect(!message.contains("\n"))
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let text = try workspace.read(workspace.configPath)
            .replacingOccurrences(of: Self.name, with: "  name: \"Lone Star\n    Plumbing & Air\"")
            .replacingOccurrences(of: "  sunday: closed", with: " sunday: closed")
        try workspace.write(text, to: "samples/ringback.yaml")
        #expect(throws: ConfigError.self) { try ConfigLoader.load(path: workspace.configPath) }
        do { _ = try ConfigLoader.load(path: workspace.configPath) } catch {
            #expect("\(error)".hasPrefix(workspace.configPath + ":25: not valid YAML"), "a quoted name on two lines is not the mistake")
        }
        let list = try #require(try Self.problem("\"103\", \"200\"]", "\"103\", \"200\""))
        #expect(list.hasPrefix("ringback.yaml:14: not valid YAML:"))
    }

    @Test func aValueLeftOutIsReportedOnItsKeysLine() throws {
        #expect(
            try Self.problem("    sla_minutes: 60", "    sla_minutes: ~")
                == "ringback.yaml:37: routing.New lead.sla_minutes: found no value; a value is required")
    }

    @Test func abbreviationsAndOffsetsAreRefusedWithTheRegionNamesToUse() throws {
        let mst = try #require(try Self.problem(Self.zone, "time_zone: MST #"))
        #expect(mst.hasPrefix("ringback.yaml:8: business.time_zone: found `MST`") && mst.contains("America/Denver"))
        for offset in ["GMT-7", "UTC+5", "GMT+14:30", "EST"] {
            let message = try #require(try Self.problem(Self.zone, "time_zone: \(offset) #"), "\(offset)")
            #expect(message.hasPrefix("ringback.yaml:8: business.time_zone: found `\(offset)`"))
        }
        #expect(try Self.problem(Self.zone, "time_zone: GMT-7 #")?.contains("fixed_offset: \"-07:00\"") == true)
    }

    @Test func aFixedOffsetWrittenOnPurposeIsAccepted() throws {
        let config = try Self.loaded(Self.zone, "time_zone: { fixed_offset: \"-07:00\" } #")
        #expect(config.rules.hours.zone.secondsFromUTC(at: Date(timeIntervalSince1970: 1_783_000_000)) == -7 * 3600)
        #expect(config.rules.hours.zone.identifier == "Etc/GMT+7")
        #expect(ZoneSetting.label(config.rules.hours.zone) == "fixed offset -07:00")
        let india = try Self.loaded(Self.zone, "time_zone: { fixed_offset: \"+05:30\" } #")
        #expect(india.rules.hours.zone.secondsFromUTC(at: Date()) == 19_800)
        #expect(ZoneSetting.label(india.rules.hours.zone) == "fixed offset +05:30")
        #expect(
            try Self.problem(Self.zone, "time_zone: { fixed_offset: \"+25:00\" } #")?
                .hasPrefix("ringback.yaml:8: business.time_zone.fixed_offset: found `+25:00`") == true)
    }

    @Test func serviceAreaZIPsFollowTheCountrysPostalFormat() throws {
        let zips = "service_area_zips: [78701, 78702,"
        #expect(
            try Self.problem(zips, "service_area_zips: [787O1, abc, -5,")
                == "ringback.yaml:15: business.service_area_zips.[0]: found `787O1`; expected a five-digit ZIP code like 78701 (default_country is US)"
        )
        #expect(
            try Self.problem("default_country: US", "default_country: CA")?
                .hasPrefix("ringback.yaml:15: business.service_area_zips.[0]: found `78701`; expected a Canadian postal code like K1A 0B1") == true)
        let sample = "service_area_zips: [78701, 78702, 78703, 78704, 78705, 78721, 78722, 78723, 78731, 78741, 78745, 78746, 78751, 78756, 78757]"
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let text = try workspace.read(workspace.configPath).replacingOccurrences(of: "default_country: US", with: "default_country: CA")
            .replacingOccurrences(of: sample, with: "service_area_zips: [k1a0b1, \"M5V 3L9\"]")
        try workspace.write(text, to: "samples/ringback.yaml")
        #expect(try ConfigLoader.load(path: workspace.configPath).rules.serviceAreaZIPs == ["K1A 0B1", "M5V 3L9"])
    }

    /// The line of the shipped sample that holds `text`, so these checks follow the sample as it grows.
    static func sampleLine(_ text: String) throws -> Int {
        let sample = String(
            decoding: try Data(contentsOf: SampleWorkspace.repository.appendingPathComponent("samples/ringback.yaml")), as: UTF8.self)
        return try #require(sample.components(separatedBy: "\n").firstIndex { $0.contains(text) }) + 1
    }

    @Test func pathsAreCheckedForWhatTheyMustBe() throws {
        let state = "state: ../out/ringback-state.sqlite"
        let stateLine = try Self.sampleLine(state)
        let customersLine = try Self.sampleLine("customers: lists/customers.csv")
        #expect(
            try Self.problem(state, "state: \"\"")
                == "ringback.yaml:\(stateLine): state: found an empty path; expected a file path in a folder Ringback can write or create")
        #expect(
            try Self.problem(state, "state: /dev/null/state.sqlite")?.hasPrefix(
                "ringback.yaml:\(stateLine): state: found `/dev/null/state.sqlite`") == true)
        #expect(try Self.problem(state, "state: ../samples")?.contains("which is a folder") == true)
        #expect(try Self.problem(state, "state: ../out/new/folder/state.sqlite") == nil)
        #expect(
            try Self.problem("mappings_dir: ../mappings", "mappings_dir: ../no-such-dir")?
                .hasPrefix("ringback.yaml:\(try Self.sampleLine("mappings_dir: ../mappings")): mappings_dir: found `../no-such-dir`") == true)
        #expect(
            try Self.problem("    path: ../out/missed-calls.csv", "    path: \"\"")?.hasPrefix(
                "ringback.yaml:\(try Self.sampleLine("    path: ../out/missed-calls.csv")): targets.[0].path: found an empty path") == true)
        #expect(
            try Self.problem("customers: lists/customers.csv", "customers: lists/none.csv")?.hasPrefix(
                "ringback.yaml:\(customersLine): lists.customers: found") == true)
        #expect(
            try Self.problem("customers: lists/customers.csv", "customers: ~")
                == "ringback.yaml:\(customersLine): lists.customers: found no value; expected an existing file this user can read")
    }

    @Test func ownersAndNamesMustNotBeBlank() throws {
        #expect(
            try Self.problem("    owner: Office manager", "    owner: \"\"")
                == "ringback.yaml:36: routing.New lead.owner: found an empty value; expected who calls these leads back, e.g. Dispatcher")
        #expect(try Self.problem("    after_hours_owner: On-call tech", "    after_hours_owner: \"  \"")?.hasPrefix("ringback.yaml:49:") == true)
        #expect(try Self.problem(Self.name, "  name: \"\"")?.hasPrefix("ringback.yaml:7: business.name: found an empty value") == true)
    }
    @Test func postalFormatsOfTheSupportedCountries() {
        let cases: [(String, String, String?)] = [
            ("US", "78701", "78701"), ("US", " 08701 ", "08701"), ("US", "787 01", nil), ("US", "78701-1234", nil), ("US", "787O1", nil),
            ("CA", "k1a0b1", "K1A 0B1"), ("CA", "K1A 0B1", "K1A 0B1"), ("CA", "K1A", nil),
            ("GB", "sw1a1aa", "SW1A 1AA"), ("GB", "M1 1AE", "M1 1AE"), ("GB", "SW1A", nil),
            ("AU", "2000", "2000"), ("AU", "20000", nil), ("NL", "1012ab", "1012 AB"), ("IE", "D02X285", "D02 X285"),
            ("IN", "110001", "110001"), ("DE", "10115", "10115"),
        ]
        for (country, text, expected) in cases {
            #expect(PostalCodeFormat.forCountry(country).normalised(text) == expected, "\(country) \(text)")
        }
    }

    @Test func offsetNamesAreReadEitherWay() {
        #expect(ZoneNames.offsetMinutes("GMT-7") == -420)
        #expect(ZoneNames.offsetMinutes("UTC+05:30") == 330)
        #expect(ZoneNames.offsetMinutes("GMT+14:30") == 870)
        #expect(ZoneNames.offsetMinutes("ETC/GMT+7") == -420)
        #expect(ZoneNames.offsetMinutes("AMERICA/DENVER") == nil)
        #expect(ZoneNames.hint(for: "America/Denver") == nil && ZoneNames.hint(for: "UTC") == nil)
        #expect(ZoneSetting.offsetSeconds("-07:00") == -25_200 && ZoneSetting.offsetSeconds("+5:30") == nil)
    }
}
