import Foundation
import RingbackEmulator
import RingbackJSON
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Faults Ringback must survive: quota refusals without Retry-After, outages, lost and hanging connections.
@Suite struct FaultInjectionTests {
    func harness(_ kinds: [FaultKind], rate: Double = 1, stall: Double = 0.5) async throws -> EmulatorHarness {
        let h = try EmulatorHarness()
        h.emulator.createSpreadsheet(id: "s")
        h.emulator.createCalendar(id: "c")
        try await h.signIn()
        var faults = FaultOptions()
        faults.rate = rate
        faults.kinds = kinds
        faults.stallSeconds = stall
        h.emulator.faults = faults
        return h
    }

    @Test func tooManyRequestsHasNoRetryAfterAndIsNotApplied() async throws {
        let h = try await harness([.tooManyRequests])
        let sheets = try await h.json("PUT", "/v4/spreadsheets/s/values/A1?valueInputOption=RAW", ["values": [["x"]]])
        #expect(sheets.status == 429)
        #expect(sheets.header("Retry-After") == nil)
        #expect(sheets.json?["error"]?["status"] == "RESOURCE_EXHAUSTED")
        #expect(sheets.json?["error"]?["details"]?[0]?["reason"] == "RATE_LIMIT_EXCEEDED")
        #expect(h.emulator.formattedValues(spreadsheetID: "s", sheet: "Sheet1") == [])
        let calendar = try await h.json("GET", "/calendar/v3/calendars/c/events")
        #expect(calendar.status == 429)
        #expect(calendar.json?["error"]?["errors"]?[0] == ["domain": "usageLimits", "reason": "rateLimitExceeded", "message": "Rate Limit Exceeded"])
        // The token endpoint is never faulted.
        #expect(
            try await h.form(
                "/token",
                [
                    "grant_type": "refresh_token", "refresh_token": "1//refresh-\(EmulatorHarness.email)",
                    "client_id": "client.apps.googleusercontent.com", "client_secret": "secret",
                ]
            ).status == 200)
        #expect(h.emulator.requestCounts()["sheets.spreadsheets.values.update"] == 1)
        #expect(h.emulator.requestCounts()["calendar.events.list"] == 1)
    }

    @Test func unavailableIs503() async throws {
        let h = try await harness([.unavailable])
        let reply = try await h.json("GET", "/v4/spreadsheets/s")
        #expect(reply.status == 503)
        #expect(reply.json?["error"]?["status"] == "UNAVAILABLE")
    }

    @Test func droppedConnectionsFailTheClientAndSometimesApply() async throws {
        let h = try await harness([.droppedConnection])
        h.useFreshConnections()
        var failures = 0
        for index in 0..<12 {
            do {
                _ = try await h.json("PUT", "/v4/spreadsheets/s/values/A\(index + 1)?valueInputOption=RAW", ["values": [[.string("row \(index)")]]])
            } catch {
                failures += 1
            }
        }
        #expect(failures == 12)
        h.emulator.faults = FaultOptions()
        let applied = h.emulator.formattedValues(spreadsheetID: "s", sheet: "Sheet1")?.filter { !$0.isEmpty }.count ?? 0
        #expect(applied > 0 && applied < 12, "half the lost writes should have happened: \(applied)")
        #expect(try await h.json("GET", "/v4/spreadsheets/s").status == 200)
    }

    @Test func stalledResponsesHangThenClose() async throws {
        let h = try await harness([.stalledResponse], stall: 0.5)
        h.useFreshConnections()
        let started = Date()
        await #expect(throws: (any Error).self) {
            _ = try await h.json("GET", "/v4/spreadsheets/s")
        }
        #expect(Date().timeIntervalSince(started) >= 0.4)
    }

    @Test func latencyDelaysEveryRequestAndAllStillSucceed() async throws {
        let h = try await harness([], rate: 0)
        var faults = FaultOptions()
        faults.latency = 0.4
        h.emulator.faults = faults
        let started = Date()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<6 { group.addTask { try await h.json("GET", "/v4/spreadsheets/s").status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 6))
        // How long the six take together depends on the machine's load, so it is measured by `make bench`
        // (a re-sync with 100 ms per request), not asserted here.
        #expect(Date().timeIntervalSince(started) >= 0.4)
    }

    @Test func batchPartsFailIndependently() async throws {
        let h = try await harness([.tooManyRequests], rate: 0.5)
        var faults = h.emulator.faults
        faults.rate = 0
        h.emulator.faults = faults
        let boundary = "b"
        var body = ""
        for index in 0..<20 {
            let event: JSONValue = [
                "id": .string("rb30000\(index)"), "start": ["dateTime": "2026-11-20T14:30:00Z"], "end": ["dateTime": "2026-11-20T15:00:00Z"],
            ]
            body +=
                "--\(boundary)\r\nContent-Type: application/http\r\nContent-ID: <\(index)>\r\n\r\nPOST /calendar/v3/calendars/c/events HTTP/1.1\r\nContent-Type: application/json\r\n\r\n\(event.text)\r\n"
        }
        body += "--\(boundary)--"
        faults.rate = 0.3
        faults.kinds = [.tooManyRequests, .unavailable]
        h.emulator.faults = faults
        var reply: Reply?
        for _ in 0..<10 {
            let attempt = try await h.send(
                "POST", "/batch/calendar/v3", body: Data(body.utf8), headers: ["Content-Type": "multipart/mixed; boundary=\(boundary)"])
            if attempt.status == 200 { reply = attempt; break }
        }
        let batch = try #require(reply)
        let failed = batch.text.components(separatedBy: "HTTP/1.1 429").count - 1 + batch.text.components(separatedBy: "HTTP/1.1 503").count - 1
        let created = h.emulator.events(calendarID: "c").count
        #expect(failed > 0 && created > 0)
        #expect(failed + created == 20)
        #expect(h.emulator.requestCounts()["calendar.events.insert"]! % 20 == 0)
    }

    @Test func adminPathsReportAndSetFaults() async throws {
        let h = try await harness([], rate: 0)
        _ = try await h.json("GET", "/v4/spreadsheets/s")
        let stats = try await h.json("GET", "/emulator/stats")
        #expect(stats.json?["sheets.spreadsheets.get"] == 1)
        let set = try await h.json("POST", "/emulator/faults", ["rate": 1, "kinds": ["unavailable"]])
        #expect(set.status == 200)
        #expect(h.emulator.faults.rate == 1)
        #expect(try await h.json("GET", "/v4/spreadsheets/s").status == 503)
        #expect(try await h.json("GET", "/emulator/spreadsheets/s/Sheet1").json == ["values": []])
        h.emulator.resetCounts()
        #expect(h.emulator.requestCounts().isEmpty)
    }
}
