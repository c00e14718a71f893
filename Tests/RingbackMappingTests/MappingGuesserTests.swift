import Foundation
import Testing
@testable import RingbackMapping

@Suite struct MappingGuesserTests {
    @Test(arguments: [
        ("twilio/calls-page1.json", "twilio-calls-json"),
        ("twilio/calls-page2.json", "twilio-calls-json"),
        ("twilio/calls.csv", "twilio-calls-csv"),
        ("asterisk/cdr-csv-21.csv", "asterisk-cdr-csv"),
        ("asterisk/cdr-csv-16.csv", "asterisk-cdr-csv"),
        ("asterisk/cdr-csv-16-overlap.csv", "asterisk-cdr-csv"),
        ("asterisk/cdr-csv-excel.csv", "asterisk-cdr-csv"),
        ("asterisk/cdr-csv-damaged.csv", "asterisk-cdr-csv"),
        ("asterisk/cdr-custom.csv", "asterisk-cdr-custom"),
        ("callrail/calls.json", "callrail-calls-json"),
        ("callrail/calls.csv", "callrail-calls-csv"),
        ("callrail/calls-yes-no.csv", "callrail-calls-csv"),
    ])
    func picksTheMappingEachFixtureFollows(file: String, expected: String) throws {
        let guess = MappingGuesser.guess(bytes: try MappingFixtures.bytes(file), among: try MappingFixtures.allSpecs())
        #expect(guess?.spec.name == expected)
    }

    @Test func guessIsTheSameWhateverOrderTheMappingsComeIn() throws {
        let specs = try MappingFixtures.allSpecs()
        for file in ["asterisk/cdr-csv-16.csv", "asterisk/cdr-custom.csv", "callrail/calls.json", "twilio/calls-page1.json"] {
            let bytes = try MappingFixtures.bytes(file)
            #expect(MappingGuesser.guess(bytes: bytes, among: specs)?.spec.name
                == MappingGuesser.guess(bytes: bytes, among: specs.reversed())?.spec.name, "\(file)")
        }
    }

    @Test(arguments: ["garbage/image.png", "garbage/empty.csv", "garbage/not-json.json"])
    func recognisesNothingInFilesOfNoKnownFormat(file: String) throws {
        #expect(MappingGuesser.guess(bytes: try MappingFixtures.bytes(file), among: try MappingFixtures.allSpecs()) == nil)
    }

    @Test func jsonWithNoneOfTheExpectedKeysIsNotGuessed() throws {
        let bytes = Array(#"{"results": [{"uuid": "x", "answered_at": null}]}"#.utf8)
        #expect(MappingGuesser.guess(bytes: bytes, among: try MappingFixtures.allSpecs()) == nil)
    }

    @Test(.enabled(if: TwilioJSONMappingTests.realSamplesPresent, "shared/samples-real/twilio is absent"))
    func recognisesTheRealTwilioSample() throws {
        let url = TwilioJSONMappingTests.realFolder.appendingPathComponent("calls_list_read_full_page1.json")
        let guess = MappingGuesser.guess(bytes: [UInt8](try Data(contentsOf: url)), among: try MappingFixtures.allSpecs())
        #expect(guess?.spec.name == "twilio-calls-json")
    }
}
