import Foundation
import RingbackCore
import RingbackStore
import Testing

@testable import RingbackSources
@testable import RingbackSync

/// API sources end to end against the loopback fake of each phone system's paging: every page in
/// order, credentials, the since parameter, watermarks, the overlap window, retries and failures.
@Suite struct APISourceTests {
    /// The systems whose shipped mapping has an `api:` section, and the test-only token-paged one.
    static var systems: [FakePhoneSystem] {
        FakePhoneSystem.allCases.filter { system in
            let path = SampleWorkspace.repository.appendingPathComponent("mappings/\(system.mapping).yaml").path
            let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return system.isTestMapping || text.contains("\napi:")
        }
    }

    @Test(arguments: systems)
    func everyPageIsPulledInOrderWithTheSystemsCredentials(_ system: FakePhoneSystem) throws {
        let workspace = try APIWorkspace(system)
        defer { workspace.remove() }
        let plan = try workspace.sync()

        let requests = try workspace.server.requests()
        #expect(requests.map(\.page) == Array(1...system.pages))
        #expect(requests.allSatisfy { $0.authorised && $0.status == "200" && $0.system == system.rawValue })
        #expect(requests.allSatisfy { $0.since == system.firstSince })
        #expect(requests.first?.pageSize == system.requestedPageSize)
        #expect(plan.ingest.records == system.records)
        #expect(plan.ingest.rejects == 0)
        #expect(try workspace.samples.sheet().count == system.leads)
        #expect(try workspace.watermark() == system.latestStart)
    }

    @Test func theOverlapIsPulledAgainAndCreatesNoDuplicates() throws {
        let workspace = try APIWorkspace(.twilio)
        defer { workspace.remove() }
        try workspace.sync()
        let firstRows = try workspace.samples.sheet()
        try workspace.server.add(
            [
                "sid": "CAfake0000000000000000000000000007", "parent_call_sid": NSNull(), "start_time": "Fri, 20 Nov 2026 17:00:00 +0000",
                "from": "+15125550205", "to": "+15125550100", "direction": "inbound", "status": "no-answer", "duration": "0",
                "answered_by": NSNull(), "caller_name": NSNull(),
            ], to: "twilio")

        let plan = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(600))
        // The watermark (Thu 19 Nov 20:00 UTC) less 24 hours is 18 Nov: three known calls come again.
        let second = try workspace.server.requests().dropFirst(FakePhoneSystem.twilio.pages)
        #expect(second.allSatisfy { $0.since == "2026-11-18" })
        #expect(plan.ingest.records == 4)
        #expect(plan.ingest.newCalls == 1)
        let rows = try workspace.samples.sheet()
        #expect(rows.count == firstRows.count + 1)
        #expect(Set(rows.map { $0["Lead ID"]! }).count == rows.count)
        #expect(Set(rows.map { $0["Phone"]! }).count == rows.count)
        #expect(try workspace.watermark() == ISO8601DateFormatter().date(from: "2026-11-20T17:00:00Z"))

        let third = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(1200))
        #expect(third.ingest.newCalls == 0 && !third.hasChanges)
    }

    /// An API that answers but has brought no new call for longer than `stale_after_hours` is reported
    /// like a silent export folder.
    @Test func anAPIThatBringsNoNewCallForTooLongIsReported() throws {
        let workspace = try APIWorkspace(.twilio)
        defer { workspace.remove() }
        let first = try workspace.sync()
        #expect(!first.sheets[0].notes.contains { $0.contains("no new call for more than") })
        let later = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(3 * 86400))
        #expect(later.sheets[0].notes.contains { $0.contains("no new call for more than 48 h") }, "\(later.sheets[0].notes)")
    }

    @Test(arguments: ["500", "429", "drop"])
    func aPageThatFailsIsRetriedAndThePullResumesAtThatPage(_ fault: String) throws {
        let workspace = try APIWorkspace(.twilio, faults: ["twilio:2:\(fault):1"])
        defer { workspace.remove() }
        let plan = try workspace.sync()

        let requests = try workspace.server.requests()
        #expect(requests.map(\.page) == [1, 2, 2, 3])
        #expect(requests[1].status == (fault == "drop" ? "dropped" : fault))
        #expect(plan.ingest.records == FakePhoneSystem.twilio.records)
        #expect(try workspace.samples.sheet().count == FakePhoneSystem.twilio.leads)
        #expect(try workspace.watermark() == FakePhoneSystem.twilio.latestStart)
    }

    @Test func whenRetriesRunOutTheSourceIsReportedAndItsWatermarkStays() throws {
        var workspace = try APIWorkspace(.callrail)
        defer { workspace.remove() }
        try workspace.sync()
        let mark = try #require(try workspace.watermark())
        try workspace.server.add(
            [
                "id": "CALfake0000000000000000000000000009", "answered": false, "voicemail": false, "direction": "inbound",
                "duration": 0, "start_time": "2026-11-20T09:00:00.000-06:00", "customer_phone_number": "+15125550309",
                "customer_name": "Ivy Stone", "tracking_phone_number": "+15125550101",
            ], to: "callrail")
        try workspace.restartServer(faults: ["callrail:2:503:0"])

        let engine = try workspace.engine()
        let run = try engine.prepare(now: SampleWorkspace.sampleNow)
        let failure = try #require(run.failures.first as? APIPullFailure)
        #expect(failure.source == "callrail-live" && failure.page == 2 && failure.status == 503)
        #expect(run.plan.sheets.first?.notes.contains(failure.description) == true)
        #expect(throws: SyncError.self) { try engine.apply(run, finishedAt: SampleWorkspace.sampleNow) }
        #expect(ExitStatus.of(SyncError.pull(run.failures)) == .ioFailure)

        let message = failure.description
        #expect(message.contains("source callrail-live"))
        #expect(message.contains("HTTP 503 after 3 attempts"))
        #expect(message.contains("GET \(workspace.server.baseURL)/v3/a/${CALLRAIL_ACCOUNT_ID}/calls.json?"))
        #expect(message.contains("page=2"))
        for secret in ["CALLRAIL_API_KEY", "TWILIO_AUTH_TOKEN"] {
            #expect(!message.contains(FakeCallAPIServer.environment[secret]!))
        }
        #expect(try workspace.server.requests().filter { $0.page == 2 && $0.status == "503" }.count == 3)
        #expect(try workspace.watermark() == mark)
        // Page 1 was read, but a call whose legs might go on in page 2 must not be recorded half-read:
        // nothing of the source is kept until a pull reads every page.
        #expect(try workspace.samples.row(phone: "+15125550309") == nil)
        #expect(message.contains("No call of this source was recorded"))
    }

    @Test func rejectedRecordsOfAPageCarryNoCredentials() throws {
        let workspace = try APIWorkspace(.twilio)
        defer { workspace.remove() }
        let account = FakeCallAPIServer.environment["TWILIO_ACCOUNT_SID"]!
        try workspace.server.add(
            [
                "account_sid": account, "sid": "CAfake0000000000000000000000000099", "start_time": "sometime on Friday",
                "from": "+15125550299", "to": "+15125550100", "direction": "inbound", "status": "no-answer",
                "uri": "/2010-04-01/Accounts/\(account)/Calls/CAfake0000000000000000000000000099.json",
            ], to: "twilio")
        let plan = try workspace.sync()
        #expect(plan.ingest.rejects == 1)
        let rejects = try workspace.samples.read(workspace.samples.rejectsPath)
        #expect(rejects.contains("/2010-04-01/Accounts/${TWILIO_ACCOUNT_SID}/Calls.json?"))
        #expect(rejects.contains("sometime on Friday"))
        #expect(!rejects.contains(account))
    }

    @Test func twilioErrorsNameTheVariableInsteadOfTheAccount() throws {
        let workspace = try APIWorkspace(.twilio, faults: ["twilio:1:500:0"])
        defer { workspace.remove() }
        let run = try workspace.engine().prepare(now: SampleWorkspace.sampleNow)
        let message = try #require(run.failures.first).description
        #expect(message.contains("/2010-04-01/Accounts/${TWILIO_ACCOUNT_SID}/Calls.json?PageSize=1000&StartTime%3E=2026-11-16"))
        #expect(message.contains("No call of this source was recorded"))
        #expect(!message.contains(FakeCallAPIServer.environment["TWILIO_ACCOUNT_SID"]!))
        #expect(!message.contains(FakeCallAPIServer.environment["TWILIO_AUTH_TOKEN"]!))
        #expect(try workspace.watermark() == nil)
    }
}
