import Foundation
import Testing

/// `ringback sync` on the samples with the crews' ICS calendars: windows offered, and a job the office
/// puts on a crew calendar between two runs books its lead and cancels the callback.
@Suite struct CrewCalendarCommandTests {
    let now = "2026-11-20T23:00:00Z"

    @Test func aJobAddedToTheCrewCalendarBooksTheLeadOnTheNextRun() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let crewFile = "samples/crews/plumbing.ics"
        let withJob = try workspace.read(workspace.path(crewFile))
        let job = try #require(withJob.range(of: "BEGIN:VEVENT\r\nDTSTART:20261123T190000Z"))
        let end = try #require(withJob.range(of: "END:VEVENT\r\n", range: job.upperBound..<withJob.endIndex))
        try workspace.write(withJob.replacingCharacters(in: job.lowerBound..<end.upperBound, with: ""), to: crewFile)

        let first = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let karen = try #require(try workspace.row(phone: "+15125550191"))
        #expect(karen["Status"] == "Awaiting reply")
        #expect(
            karen["Suggested Message"]
                == "Call: Hi Karen, this is Lone Star Plumbing & Air returning your call. Please call us back with the service address and the best time to reach you."
        )
        let id = try #require(karen["Lead ID"])
        #expect(try workspace.read(workspace.calendarPath).contains("UID:\(id)-callback@ringback"))

        try workspace.write(withJob, to: crewFile)
        let second = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now])
        #expect(second.status == 0, "\(second.stderr)")
        let booked = try #require(try workspace.row(phone: "+15125550191"))
        #expect(booked["Status"] == "Booked")
        #expect(booked["Appointment"] == "2026-11-23 13:00")
        let ics = try workspace.read(workspace.calendarPath)
        let callback = try #require(ics.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:\(id)-callback@ringback") })
        #expect(callback.contains("STATUS:CANCELLED"))
        let jobEvent = try #require(ics.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:\(id)-job@ringback") })
        #expect(jobEvent.contains("DTSTART:20261123T190000Z"))
        // Alice's windows are the same on both runs; nothing else changed.
        #expect(try workspace.row(phone: "+15125550130")?["Offered Windows"]?.hasPrefix("Tue Nov 24, 10:30 AM-12:00 PM (HVAC crew)") == true)
        let third = try CommandRunner.run(["sync", "--config", workspace.configPath, "--dry-run", "--detailed-exitcode", "--now", now])
        #expect(third.status == 0 && third.stdout.contains("No changes."))
    }

    @Test func aMissingCrewFileIsNamedAndItsCrewOffersNothing() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try FileManager.default.removeItem(atPath: workspace.path("samples/crews/hvac.ics"))
        let validate = try CommandRunner.run(["validate", "--config", workspace.configPath])
        #expect(validate.status == 0)
        #expect(validate.stderr.contains("crew `HVAC crew`'s calendar") || validate.stdout.contains("crew `HVAC crew`'s calendar"))
        let run = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now, "--quiet"])
        #expect(run.status == 0)
        let alice = try #require(try workspace.row(phone: "+15125550130"))
        #expect(alice["Offered Windows"]?.hasPrefix("None: the crew calendar could not be read (cannot read ") == true)
        #expect(alice["Status"] == "Staff review")
        #expect(try workspace.read(workspace.path("out/status.csv")).contains(",1,\"Plan:"))
    }
}
