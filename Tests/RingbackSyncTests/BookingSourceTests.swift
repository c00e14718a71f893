import Foundation
import RingbackCore
import RingbackNormalisation
import RingbackTesting
import RingbackYAML
import Testing

@testable import RingbackSources
@testable import RingbackSync

/// Bookings sources (`kind: bookings`) against loopback fakes of Jobber's GraphQL cursor paging and
/// Housecall Pro's page-numbered `GET /jobs`: every page, the token from the environment, the
/// watermark, rejects naming the field, and the job booking the open lead whose caller it names.
@Suite(.serialized) struct BookingSourceTests {
    /// A run's world: the fake APIs, in-memory call source, sheet, calendar and state, one bookings source.
    final class Workspace {
        let server: FakeBookingAPIServer
        let calls = InMemoryCallSource()
        let sheet = InMemorySheet()
        let calendar = InMemoryCalendar()
        let store = InMemoryStateStore()
        let source: FieldServiceBookingSource

        init(_ system: BookingSystem, pageSize: Int = 2) throws {
            server = try FakeBookingAPIServer()
            let token = system == .jobber ? "JOBBER_ACCESS_TOKEN" : "HOUSECALL_PRO_API_KEY"
            let yaml = """
                name: \(system.rawValue)
                kind: bookings
                system: \(system.rawValue)
                api:
                  token_env: \(token)
                  base_url: \(server.baseURL)
                  page_size: \(pageSize)
                  overlap_hours: 0
                  start_at: 2026-11-01
                  max_attempts: 1
                """
            let settings = try BookingSourceLoader.load(
                try YAMLValue.parse(yaml, file: "ringback.yaml"), name: system.rawValue, base: server.folder.path,
                environment: FakeBookingAPIServer.environment)
            source = FieldServiceBookingSource(settings: settings)
        }

        var engine: SyncEngine {
            var engine = SyncEngine(
                sources: [calls], sheet: sheet, calendars: [calendar], store: store,
                planner: RunPlanner(rules: Fixtures.rules(), phones: try! PhoneNormaliser(defaultCountry: "US")), rejectsPath: nil)
            engine.bookingSources = [source]
            return engine
        }

        @discardableResult
        func sync(at now: Date, _ new: [Call] = []) throws -> PreparedRun {
            calls.add(new)
            let run = try engine.prepare(now: now)
            try engine.apply(run, finishedAt: now)
            return run
        }

        func row(phone: String) -> SheetCells? {
            sheet.current?.contents.rows.values.first { $0.cells[.phone] == phone }?.cells
        }

        func pull() throws -> BookingPull { try source.pull(store, now: Fixtures.central(21, 17)) }
    }

    static let callers = [
        Fixtures.missed("c1", from: "+15125550142", at: Fixtures.central(20, 9), voicemail: "Water is leaking under the sink"),
        Fixtures.missed("c2", from: "+15125550143", at: Fixtures.central(20, 10)),
    ]
    static let saturday = Fixtures.central(21, 17)

    // MARK: Jobber

    @Test func jobberIsReadByCursorWithTheBearerTokenFromTheEnvironment() throws {
        let workspace = try Workspace(.jobber)
        let pull = try workspace.pull()
        let requests = try workspace.server.requests("jobber")
        #expect(requests.count == 2)
        #expect(requests.map(\.cursor) == [nil, "cursor-2"])
        #expect(requests.allSatisfy { $0.authorised && $0.status == 200 && $0.pageSize == 2 })
        #expect(requests.first?.since == "2026-11-01T00:00:00Z")
        #expect(pull.failure == nil)
        #expect(pull.records == 3)
        #expect(pull.jobs.map(\.reference) == ["Jobber job #1042", "Jobber job #1043"])
        // The job whose visit time cannot be read is rejected, naming the field; the other two are kept.
        #expect(pull.rejects.count == 1)
        #expect(pull.rejects.first?.reason.hasPrefix("visits.nodes[0].startAt: \"next Tuesday\" is not an ISO 8601 time") == true)
        #expect(pull.rejects.first?.location == "data.jobs.nodes[0]")
        #expect(pull.rejects.allSatisfy { !$0.raw.contains("jobber-secret") && !$0.file.contains("jobber-secret") })
        #expect(pull.watermark == ISO8601DateFormatter().date(from: "2026-11-21T15:00:00Z"))
    }

    @Test func aJobberJobBooksTheOpenLeadItNamesAndTheNextRunAsksOnlyForNewerJobs() throws {
        let workspace = try Workspace(.jobber)
        try workspace.sync(at: Fixtures.central(20, 17), Self.callers)
        let run = try workspace.sync(at: Self.saturday)
        let row = try #require(workspace.row(phone: "+15125550142"))
        #expect(row[.status] == "Booked")
        #expect(row[.appointment] == "2026-11-24 13:00")
        #expect(row[.why]?.hasSuffix("Booked in Jobber job #1042.") == true)
        // Sam Ortiz's job was rejected: his lead stays open; Dana White's job names no lead.
        #expect(workspace.row(phone: "+15125550143")?[.status] != "Booked")
        #expect(workspace.sheet.current?.contents.rows.count == 2)
        #expect(run.rejects.contains { $0.reason.hasPrefix("visits.nodes[0].startAt") })

        try workspace.server.add(
            [
                "id": "Z2lkOi8vSm9iYmVyL0pvYi8xMDQ1", "jobNumber": 1045, "title": "Faucet", "updatedAt": "2026-11-22T10:00:00Z",
                "startAt": "2026-11-26T15:00:00Z", "endAt": "2026-11-26T16:00:00Z",
                "client": ["name": "Sam Ortiz", "phones": [["number": "+1 512 555 0143", "primary": true] as [String: Any]]] as [String: Any],
                "visits": ["nodes": [["startAt": "2026-11-26T15:00:00Z", "endAt": "2026-11-26T16:00:00Z"]]],
            ], to: "jobber")
        let before = try workspace.server.requests("jobber").count
        try workspace.sync(at: Fixtures.central(22, 9))
        let second = try workspace.server.requests("jobber").dropFirst(before)
        #expect(second.map(\.since) == ["2026-11-21T15:00:00Z"])
        // The new job books its lead, and the lead booked by the job read yesterday stays booked.
        #expect(workspace.row(phone: "+15125550143")?[.status] == "Booked")
        #expect(workspace.row(phone: "+15125550143")?[.why]?.hasSuffix("Booked in Jobber job #1045.") == true)
        #expect(workspace.row(phone: "+15125550142")?[.status] == "Booked")
    }

    @Test func aWrongTokenStopsThePullAndKeepsTheWatermark() throws {
        var environment = FakeBookingAPIServer.environment
        environment["JOBBER_ACCESS_TOKEN"] = "not-the-token"
        let server = try FakeBookingAPIServer()
        let yaml =
            "name: jobber\nkind: bookings\nsystem: jobber\napi:\n  token_env: JOBBER_ACCESS_TOKEN\n  base_url: \(server.baseURL)\n  max_attempts: 1\n"
        let settings = try BookingSourceLoader.load(
            try YAMLValue.parse(yaml, file: "ringback.yaml"), name: "jobber", base: server.folder.path, environment: environment)
        let pull = try FieldServiceBookingSource(settings: settings).pull(InMemoryStateStore(), now: Self.saturday)
        let failure = try #require(pull.failure)
        #expect(failure.description.contains("page 1"))
        #expect(!failure.description.contains("not-the-token"))
        #expect(pull.watermark == nil)
        #expect(pull.jobs.isEmpty)
    }

    @Test func aMissingTokenVariableIsNamedInTheConfigError() throws {
        let yaml = "name: jobber\nkind: bookings\nsystem: jobber\napi:\n  token_env: JOBBER_ACCESS_TOKEN\n"
        let error = #expect(throws: YAMLFileError.self) {
            try BookingSourceLoader.load(try YAMLValue.parse(yaml, file: "ringback.yaml"), name: "jobber", base: "/tmp", environment: [:])
        }
        #expect(error.map { "\($0)" }?.contains("$JOBBER_ACCESS_TOKEN not set") == true)
    }

    // MARK: Housecall Pro

    @Test func housecallProIsReadByPageNumberWithItsTokenHeader() throws {
        let workspace = try Workspace(.housecallPro)
        let pull = try workspace.pull()
        let requests = try workspace.server.requests("housecall_pro")
        #expect(requests.map(\.page) == [1, 2])
        #expect(requests.allSatisfy { $0.authorised && $0.status == 200 && $0.pageSize == 2 })
        #expect(pull.records == 4)
        // The unscheduled estimate is no booking; the job whose mobile number is a list is rejected.
        #expect(
            pull.jobs.map(\.reference).sorted() == [
                "Housecall Pro job #2051 (job_8a2f10c4d1e94b6f)", "Housecall Pro job #2052 (job_19bc33e07f2a4d18)",
            ])
        #expect(pull.rejects.map(\.reason) == ["customer.mobile_number: expected text, found a list"])
        #expect(pull.watermark == ISO8601DateFormatter().date(from: "2026-11-21T16:30:00Z"))
    }

    @Test func aHousecallProJobBooksTheLeadAndTheNextRunStopsAtOlderJobs() throws {
        let workspace = try Workspace(.housecallPro)
        try workspace.sync(at: Fixtures.central(20, 17), Self.callers)
        try workspace.sync(at: Self.saturday)
        let row = try #require(workspace.row(phone: "+15125550142"))
        #expect(row[.status] == "Booked")
        #expect(row[.appointment] == "2026-11-24 13:00")
        #expect(row[.why]?.hasSuffix("Booked in Housecall Pro job #2051 (job_8a2f10c4d1e94b6f).") == true)
        #expect(workspace.row(phone: "+15125550143")?[.status] != "Booked")

        try workspace.server.add(
            [
                "id": "job_5e5e000000000001", "invoice_number": "2055", "description": "Faucet", "work_status": "scheduled",
                "customer": ["first_name": "Sam", "last_name": "Ortiz", "mobile_number": "(512) 555-0143"],
                "schedule": ["scheduled_start": "2026-11-26T15:00:00Z", "scheduled_end": "2026-11-26T16:00:00Z"],
                "created_at": "2026-11-22T09:58:00Z", "updated_at": "2026-11-22T10:00:00Z",
            ], to: "housecall_pro")
        let before = try workspace.server.requests("housecall_pro").count
        try workspace.sync(at: Fixtures.central(22, 9))
        // Newest changes first: page 2 reaches jobs older than the watermark, so page 3 is not asked for.
        let second = try workspace.server.requests("housecall_pro").dropFirst(before)
        #expect(second.map(\.page) == [1, 2])
        #expect(workspace.row(phone: "+15125550143")?[.status] == "Booked")
        #expect(workspace.row(phone: "+15125550142")?[.status] == "Booked")
    }

    @Test func savedAnswersAreReadFromFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ringback-bookings-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let jobs = try Data(contentsOf: FakeBookingAPIServer.fakes.appendingPathComponent("booking-fixtures/housecall_pro.json"))
        let page = try JSONSerialization.jsonObject(with: jobs)
        let saved: [String: Any] = ["jobs": page, "page": 1, "total_pages": 1]
        try JSONSerialization.data(withJSONObject: saved).write(to: folder.appendingPathComponent("jobs-1.json"))
        let yaml = "name: hcp\nkind: bookings\nsystem: housecall_pro\nfiles: exports/*.json\n"
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("exports"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("jobs-1.json"), to: folder.appendingPathComponent("exports/jobs-1.json"))
        let settings = try BookingSourceLoader.load(
            try YAMLValue.parse(yaml, file: "ringback.yaml"), name: "hcp", base: folder.path, environment: [:])
        let pull = try FieldServiceBookingSource(settings: settings).pull(InMemoryStateStore(), now: Self.saturday)
        #expect(pull.jobs.count == 2)
        #expect(pull.rejects.count == 1)
        #expect(pull.watermark == nil)
    }
}
