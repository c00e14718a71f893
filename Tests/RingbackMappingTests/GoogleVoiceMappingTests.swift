import Foundation
import RingbackCore
import Testing

@testable import RingbackMapping

@Suite struct GoogleVoiceMappingTests {
    static let mapping = "google-voice-takeout-html"
    static let pages = [
        "Maria Lopez - Missed - 2026-11-16T15_02_11Z.html", "Priya Shah - Voicemail - 2026-11-16T16_40_05Z.html",
        "+15125550155 - Received - 2026-11-17T09_15_40Z.html", "Maria Lopez - Placed - 2026-11-18T12_20_00Z.html",
        "Ana Silva - Placed - 2026-11-18T12_30_00Z.html", "Unknown - Missed - 2026-11-19T02_05_00Z.html", "fragment-voicemail.html",
    ].map { "google-voice/\($0)" }

    @Test func onePagePerEvent() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        #expect(run.rejects.isEmpty, "\(run.rejects.map(\.description))")
        #expect(run.records == 7)
        #expect(run.calls.count == 7)
        #expect(run.calls.map(\.outcome) == [.missed, .voicemail, .answered, .answered, .missed, .missed, .voicemail])
        #expect(run.calls.map(\.direction) == [.inbound, .inbound, .inbound, .outbound, .outbound, .inbound, .inbound])
    }

    @Test func timesWithOffsetsDurationsAndTelLinks() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        let missed = run.calls[0]
        // 2026-11-16T09:02:11.000-06:00
        #expect(missed.startedAt == MappingFixtures.instant(1_794_841_331))
        #expect(missed.customer == .number("+15125550133"))
        #expect(missed.callerName == "Maria Lopez")
        #expect(run.calls[2].durationSeconds == 212)  // PT3M32S
        #expect(run.calls[2].callerName == nil)
        #expect(run.calls[5].customer == .anonymous)  // tel: with no number
    }

    @Test func voicemailCarriesItsTranscriptAndAudio() throws {
        let run = try MappingFixtures.run(Self.mapping, Self.pages)
        let voicemail = run.calls[1]
        #expect(voicemail.durationSeconds == 41)
        #expect(
            voicemail.transcript
                == "Hi, this is Priya. Water is coming through the kitchen ceiling, active leak. Please call me back at 512 555 0175.")
        #expect(voicemail.recordingURL == "Priya Shah - Voicemail - 2026-11-16T16_40_05Z.mp3")
    }

    @Test func aPageCutOffAtTheTopWithEntitiesAndAnOpenTagStillReads() throws {
        let run = try MappingFixtures.run(Self.mapping, ["google-voice/fragment-voicemail.html"])
        let call = try #require(run.calls.first)
        #expect(call.callerName == "José Ramírez")
        #expect(call.customer == .number("+15125550122"))
        #expect(call.transcript == "Hola, soy José. The furnace has no heat since last night.")
        #expect(call.durationSeconds == 18)
        #expect(call.outcome == .voicemail)
    }

    @Test func aTextMessagePageHoldsNoCall() throws {
        let file = "google-voice/Maria Lopez - Text - 2026-11-20T14_00_00Z.html"
        let run = try MappingFixtures.run(Self.mapping, [file])
        #expect(run.legs.isEmpty)
        #expect(run.rejects.map(\.location) == ["1"])
        #expect(run.rejects.first?.reason.hasPrefix("no records at `//div[") == true)
    }

    @Test func aReExportedPageIsTheSameCall() throws {
        let once = try MappingFixtures.run(Self.mapping, [Self.pages[0]])
        let twice = try MappingFixtures.run(Self.mapping, [Self.pages[0], Self.pages[0]])
        #expect(twice.calls.map(\.key) == once.calls.map(\.key))
        #expect(once.calls.first?.key.hasPrefix("google-voice:") == true)
    }

    static let realFolder = MappingFixtures.realSamplesFolder.appendingPathComponent("google_voice")
    static let realSamplesPresent = FileManager.default.fileExists(atPath: realFolder.appendingPathComponent("psanford_missedcall.html").path)

    /// A complete XHTML page (with a stray `~` after `</html>`) and a page trimmed to start at <title>.
    @Test(
        .enabled(if: realSamplesPresent, "shared/samples-real/google_voice is absent"),
        arguments: [
            ("psanford_missedcall.html", CallOutcome.missed, "Dwigt Rortugal", 1_253_233_601.0, 0),
            ("psanford_voicemail.html", CallOutcome.voicemail, "Sleve Mcdichael", 1_532_363_011.0, 18),
        ])
    func realTakeoutPages(file: String, outcome: CallOutcome, name: String, start: Double, seconds: Int) throws {
        let engine = try MappingFixtures.engine(Self.mapping)
        let read = engine.read(bytes: [UInt8](try Data(contentsOf: Self.realFolder.appendingPathComponent(file))), file: file)
        #expect(read.rejects.isEmpty, "\(read.rejects.map(\.description))")
        let call = try #require(CallAssembler(engine: engine).calls(from: read.legs).first)
        #expect(call.outcome == outcome)
        #expect(call.direction == .inbound)
        #expect(call.callerName == name)
        #expect(call.startedAt == MappingFixtures.instant(start))
        #expect(call.durationSeconds == seconds)
    }
}
