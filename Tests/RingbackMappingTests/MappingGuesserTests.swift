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
        ("ringcentral/call-log-page1.json", "ringcentral-call-log-json"),
        ("ringcentral/call-log-page2.json", "ringcentral-call-log-json"),
        ("ringcentral/call-log-record.json", "ringcentral-call-log-json"),
        ("aircall/call-webhooks.json", "aircall-webhooks-json"),
        ("aircall/calls-page1.json", "aircall-calls-json"),
        ("freeswitch/a1-aleg.cdr.xml", "freeswitch-xml-cdr"),
        ("freeswitch/a5-old-layout.cdr.xml", "freeswitch-xml-cdr"),
        ("freeswitch/a8-orphan-bleg.cdr.xml", "freeswitch-xml-cdr"),
        ("freeswitch/Master.csv", "freeswitch-cdr-csv"),
        ("google-voice/Maria Lopez - Missed - 2026-11-16T15_02_11Z.html", "google-voice-takeout-html"),
        ("google-voice/Priya Shah - Voicemail - 2026-11-16T16_40_05Z.html", "google-voice-takeout-html"),
        ("google-voice/fragment-voicemail.html", "google-voice-takeout-html"),
        ("3cx/call-log.csv", "threecx-call-log-csv"),
        ("zoom/call-logs.json", "zoom-phone-call-logs-json"),
        ("dialpad/calls.csv", "dialpad-calls-csv"),
        ("vonage/call-logs.json", "vonage-business-call-logs-json"),
    ])
    func picksTheMappingEachFixtureFollows(file: String, expected: String) throws {
        let guess = MappingGuesser.guess(bytes: try MappingFixtures.bytes(file), among: try MappingFixtures.allSpecs())
        #expect(guess?.spec.name == expected)
    }

    @Test func guessIsTheSameWhateverOrderTheMappingsComeIn() throws {
        let specs = try MappingFixtures.allSpecs()
        for file in [
            "asterisk/cdr-csv-16.csv", "asterisk/cdr-custom.csv", "callrail/calls.json", "twilio/calls-page1.json",
            "aircall/call-webhooks.json", "aircall/calls-page1.json", "freeswitch/Master.csv", "freeswitch/a1-aleg.cdr.xml",
            "ringcentral/call-log-page1.json", "google-voice/fragment-voicemail.html", "dialpad/calls.csv", "vonage/call-logs.json",
        ] {
            let bytes = try MappingFixtures.bytes(file)
            #expect(
                MappingGuesser.guess(bytes: bytes, among: specs)?.spec.name
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

    /// `ringback inspect` on every real sample: each is recognised as its phone system's export.
    @Test(
        .enabled(if: FileManager.default.fileExists(atPath: MappingFixtures.realSamplesFolder.path), "shared/samples-real is absent"),
        arguments: [
            ("freeswitch/tinycdr_originator_cancel.cdr.xml", "freeswitch-xml-cdr"),
            ("freeswitch/ccm_free-call-cdr.xml", "freeswitch-xml-cdr"),
            ("freeswitch/ccm_incoming-call-cdr.xml", "freeswitch-xml-cdr"),
            ("freeswitch/ccm_local-call-msisdn-cdr.xml", "freeswitch-xml-cdr"),
            ("google_voice/psanford_missedcall.html", "google-voice-takeout-html"),
            ("google_voice/psanford_voicemail.html", "google-voice-takeout-html"),
            ("ringcentral/call_log_list_simple_from_docs.json", "ringcentral-call-log-json"),
            ("ringcentral/call_log_record_sample.json", "ringcentral-call-log-json"),
            ("ringcentral/call_log_sync_fsync_from_docs.json", "ringcentral-call-log-json"),
            ("aircall/koenverduijn_call_webhooks.json", "aircall-webhooks-json"),
            ("twilio/calls_list_read_full_page2.json", "twilio-calls-json"),
        ])
    func recognisesEveryRealSample(file: String, expected: String) throws {
        let url = MappingFixtures.realSamplesFolder.appendingPathComponent(file)
        let guess = MappingGuesser.guess(bytes: [UInt8](try Data(contentsOf: url)), among: try MappingFixtures.allSpecs())
        #expect(guess?.spec.name == expected)
    }
}
