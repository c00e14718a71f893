import Foundation
import RingbackCore
import RingbackEmulator
import Testing

/// A voicemail with a 60,000-character transcript and a caller name as long: Google refuses a cell over
/// 50,000 characters (and with it the whole write), so Ringback cuts the cell with a marker and the run succeeds.
@Suite struct GoogleCellLimitTests {
    @Test func aSixtyThousandCharacterTranscriptSyncsWithTheLongCellCut() throws {
        let google = try GoogleWorkspace()
        let transcript = String(repeating: "Hi, the furnace stopped and there is no heat upstairs. ", count: 1_100)
        let name = String(repeating: "Maria Lopez ", count: 5_000).trimmingCharacters(in: .whitespaces)
        #expect(transcript.count > 60_000)
        try google.samples.write(
            """
            Call ID,Start Time,Customer Phone Number,Tracking Phone Number,Direction,Duration (seconds),Customer Name,Source,Recording,Transcription,Answered,Voicemail
            CAL-LONG-1,2026-11-20T15:05:00Z,+15125550961,+15125550100,inbound,48,\(name),Google Ads,https://calls.example/rec/long-1,"\(transcript)",false,true

            """, to: "samples/exports/long/calls.csv")
        try google.addSource(name: "long", mapping: "callrail-calls-csv", files: "exports/long/*.csv")
        try google.sync()
        let rejects = (try? google.samples.read(google.samples.path("out/google-demo/rejects.csv"))) ?? ""
        let row = try #require(
            google.sheet().first { $0["Caller Name"]?.hasPrefix("Maria Lopez") == true },
            "phones: \(google.sheet().map { $0["Phone"] ?? "" }); rejects: \(rejects.prefix(600))")
        let caller = try #require(row["Caller Name"])
        #expect(caller.utf16.count <= 50_000)
        #expect(caller.hasSuffix("… [cut: 59,999 characters; full text in the phone system's export]"))
        #expect(name.hasPrefix(caller.prefix(49_000)))
        #expect(row["Transcript or Recording"] == "https://calls.example/rec/long-1")
        for (column, text) in row { #expect(text.utf16.count <= 50_000, "\(column) fits a Google cell") }

        let again = try google.sync()
        let sheetPlan = try #require(again.sheets.first)
        #expect(sheetPlan.updates.isEmpty, "the cut cell is read back as the text Ringback wrote, not as an office edit")
        #expect(sheetPlan.pins.isEmpty)
    }
}
