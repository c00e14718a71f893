import Foundation
import Testing

@testable import RingbackSync

/// Bad records go to the rejects file with file:line and a reason; good records still go through.
@Suite struct MalformedInputTests {
    @Test func brokenFilesYieldRejectsAndTheGoodRecordsStillBecomeLeads() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let good = "sid,parent_call_sid,start_time,from,to,direction,status,duration\n"
        try workspace.write(
            good + """
                CA01,,"Fri, 20 Nov 2026 15:00:00 +0000",+15125550301,+15125550100,inbound,no-answer,0
                CA02,,"Fri, 20 Nov 2026 15:05:00 +0000",+15125550302,+15125550100,inbound
                CA03,,"Fri, 20 Nov 2026 15:10:00 +0000",+15125550303,+15125550100,inbound,no-answer,0,extra,columns
                CA04,,"yesterday afternoon",+15125550304,+15125550100,inbound,no-answer,0
                CA05,,"Fri, 20 Nov 2026 15:20:00 +0000",+15125550305,+15125550100,sideways,no-answer,0
                CA06,,"Fri, 20 Nov 2026 15:25:00 +0000","+1512555030
                CA07,,"Fri, 20 Nov 2026 15:30:00 +0000",+15125550307,+15125550100,inbound,no-answer,0
                CA08,,"Fri, 20 Nov 2026 15:35:00 +0000",1.51255E+10,+15125550100,inbound,no-answer,0

                """, to: "samples/exports/csv/ragged.csv")
        try workspace.write("", to: "samples/exports/csv/empty.csv")
        var garbage: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]
        var seed: UInt64 = 42
        for _ in 0..<4096 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            garbage.append(UInt8(truncatingIfNeeded: seed >> 33))
        }
        try Data(garbage).write(to: URL(fileURLWithPath: workspace.path("samples/exports/csv/photo.csv")))
        try workspace.write("{\"calls\": [ {\"sid\": \"CA9\", ", to: "samples/exports/twilio/truncated.json")
        try workspace.addSource(name: "console", mapping: "twilio-calls-csv", files: "exports/csv/*.csv")

        let plan = try workspace.sync()
        let rejects = try workspace.read(workspace.rejectsPath)
        #expect(rejects.contains("ragged.csv,7,unterminated quoted field starting on line 7"))
        #expect(rejects.contains("ragged.csv,5,\"start time `yesterday afternoon`"))
        #expect(rejects.contains("ragged.csv,6,\"direction `sideways`"))
        #expect(rejects.contains("empty.csv,0,the file is empty (0 bytes)"))
        #expect(rejects.contains("photo.csv,1,header has no column `start_time`"))
        #expect(rejects.contains("truncated.json,1,not valid JSON"))
        #expect(plan.ingest.rejects >= 6)

        let phones = Set(try workspace.sheet().map { $0["Phone"]! })
        for number in ["+15125550301", "+15125550302", "+15125550303", "+15125550307"] {
            #expect(phones.contains(number), "good record \(number) should have become a lead")
        }
        #expect(!phones.contains("+15125550304") && !phones.contains("+15125550305"))
        let mangled = try #require(try workspace.row(phone: "1.51255E+10"))
        #expect(mangled["Summary"]?.contains("caller number unusable") == true)
        #expect(try workspace.sheet().count == plan.ingest.leads)
    }
}

/// The same calls reached through two exports of one source count once.
@Suite struct OverlappingExportTests {
    @Test func aCallInBothTheJSONPageAndACSVDownloadIsOneAttempt() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.write(
            """
            Call ID,Start Time,Customer Name,Customer Phone Number,Tracking Phone Number,Source,Direction,Duration (seconds),Answered,Voicemail,Recording,Transcription
            CAL000000000000000000000000c0ffee01,2026-11-20T10:45:12.815-06:00,Priya Shah,+15125550175,+15125550101,Google Business Profile,inbound,41,No,Yes,,
            """, to: "samples/exports/callrail/calls-download.csv")
        var config = try workspace.read(workspace.configPath)
        config = config.replacingOccurrences(of: "files: exports/callrail/*.json", with: "files: exports/callrail/*")
        try workspace.write(config, to: "samples/ringback.yaml")
        let first = try workspace.sync()
        #expect(try workspace.row(phone: "+15125550175")?["Attempts"] == "1")
        #expect(first.ingest.filesRead == 5)
        #expect(!(try workspace.dryRun()).hasChanges)
    }
}

@Suite struct RejectsFileTests {
    @Test func aFileReadAgainDoesNotListItsRejectsTwice() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let before = try workspace.read(workspace.rejectsPath)
        let master = workspace.path("samples/exports/asterisk/Master.csv")
        var text = try workspace.read(master)
        text += ",5125550199,5125550100,\"from-trunk\"\r\n"
        try workspace.write(text, to: "samples/exports/asterisk/Master.csv")
        let plan = try workspace.sync()
        #expect(plan.ingest.filesRead == 1)
        let after = try workspace.read(workspace.rejectsPath)
        #expect(after.components(separatedBy: "\r\n").count == before.components(separatedBy: "\r\n").count + 1)
        #expect(after.contains("Master.csv,10,"))
    }
}
