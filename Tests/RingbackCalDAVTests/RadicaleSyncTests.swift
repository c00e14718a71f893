import Foundation
import RingbackCore
import RingbackStore
import Testing

@testable import RingbackSync

/// `ringback sync` against a real CalDAV server (Radicale), started by each test on a free loopback port
/// with its own storage and password file.
@Suite(.serialized) struct RadicaleSyncTests {
    @Test(.enabled(if: RadicaleServer.executable == nil && RadicaleServer.required))
    func radicaleMustBeInstalledWhenRequired() {
        Issue.record("RINGBACK_REQUIRE_RADICALE=1 but radicale is not installed; install the Debian package radicale")
    }

    @Test(.enabled(if: RadicaleServer.executable == nil && !RadicaleServer.required))
    func radicaleMissingIsSaid() {
        print("RadicaleSyncTests: radicale is not installed; the CalDAV tests against a real server are skipped")
    }

    /// A Radicale with an empty calendar, a workspace syncing to it, and the crew's app.
    func started() throws -> (RadicaleServer, CalDAVWorkspace, CrewCalendarApp) {
        let server = try RadicaleServer()
        do {
            return (server, try CalDAVWorkspace(server: server), CrewCalendarApp(server: server))
        } catch {
            server.stop()
            throw error
        }
    }

    func stop(_ server: RadicaleServer, _ workspace: CalDAVWorkspace) {
        server.stop()
        workspace.remove()
    }

    /// The calendar's events as the state recorded them.
    func recorded(_ workspace: CalDAVWorkspace) throws -> [String: SyncedEvent] {
        let config = try ConfigLoader.load(path: workspace.configPath)
        let label = config.targets.first { $0.type == "caldav_calendar" }!.label
        return try workspace.store().targetState(label).events
    }

    @Test(.enabled(if: RadicaleServer.executable != nil))
    func firstSyncCreatesTheEventsAndASecondWritesNothing() throws {
        let (server, workspace, app) = try started()
        defer { stop(server, workspace) }

        let first = try workspace.sync()
        #expect(first.status == 0, "\(first.stderr)")
        let events = try recorded(workspace)
        #expect(events.count > 5)
        let onServer = try app.resources()
        #expect(onServer.count == events.count)
        for uid in events.keys { #expect(onServer.contains { $0.data.contains("UID:\(uid)") }, "\(uid) not on the server") }

        let token = try app.syncToken()
        let tags = onServer.map(\.etag).sorted()
        let second = try workspace.sync()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("No changes."), "\(second.stdout)")
        #expect(try app.syncToken() == token)
        #expect(try app.resources().map(\.etag).sorted() == tags)
    }

    @Test(.enabled(if: RadicaleServer.executable != nil))
    func discoveryFromTheServerAddressFindsTheCalendarByName() throws {
        let server = try RadicaleServer()
        defer { server.stop() }
        let workspace = try CalDAVWorkspace(
            server: server,
            target: [
                "server: \(server.base.absoluteString)", "calendar: Callbacks", "username: \(server.username)", "password_file: ../caldav-password",
            ])
        defer { workspace.remove() }
        let run = try workspace.sync()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try CrewCalendarApp(server: server).resources().count == (try recorded(workspace)).count)
        try workspace.setTargets([
            "server: \(server.base.absoluteString)", "calendar: Callbacks", "username: \(server.username)", "password_env: CALDAV_PASSWORD",
        ])
        let validate = try workspace.run(["validate", "--config", workspace.configPath], environment: ["CALDAV_PASSWORD": server.password])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("calendar `Callbacks`"), "\(validate.stdout)")
    }

    @Test(.enabled(if: RadicaleServer.executable != nil))
    func anEventTheCrewMovedIsSeenAndKeptWhereTheyPutIt() throws {
        let (server, workspace, app) = try started()
        defer { stop(server, workspace) }
        #expect(try workspace.sync().status == 0)
        let callback = try #require(try recorded(workspace).values.filter { $0.event.kind == .callback }.map(\.uid).sorted().first)
        let before = try #require(try app.resource(uid: callback))
        #expect((200..<300).contains(try app.move(uid: callback, toLocal: "20261123T090000", end: "20261123T091500")))
        let after = try #require(try app.resource(uid: callback))
        #expect(after.etag != before.etag)

        let run = try workspace.sync()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\(callback)") && run.stdout.contains("moved by the crew"), "\(run.stdout)")
        let kept = try #require(try app.resource(uid: callback))
        #expect(kept.etag == after.etag, "Ringback rewrote the crew's event")
        let synced = try #require(try recorded(workspace)[callback])
        #expect(synced.crewTimes?.start == ISO8601DateFormatter().date(from: "2026-11-23T15:00:00Z"))

        let again = try workspace.sync()
        #expect(again.stdout.contains("No changes."), "\(again.stdout)")
    }

    @Test(.enabled(if: RadicaleServer.executable != nil))
    func anEventTheCrewDeletedIsSeenAndNotRecreated() throws {
        let (server, workspace, app) = try started()
        defer { stop(server, workspace) }
        #expect(try workspace.sync().status == 0)
        let count = try app.resources().count
        let callback = try #require(try recorded(workspace).values.filter { $0.event.kind == .callback }.map(\.uid).sorted().first)
        #expect((200..<300).contains(try app.delete(uid: callback)))
        #expect(try app.resources().count == count - 1)

        let run = try workspace.sync()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\(callback)") && run.stdout.contains("deleted by the crew; not re-created"), "\(run.stdout)")
        #expect(try app.resource(uid: callback) == nil)
        #expect(try recorded(workspace)[callback]?.removedByCrew == true)
        let again = try workspace.sync()
        #expect(again.stdout.contains("No changes."), "\(again.stdout)")
        #expect(try app.resource(uid: callback) == nil)
    }

    @Test(.enabled(if: RadicaleServer.executable != nil))
    func anEventTheCrewChangesBetweenReadAndWriteIsNotOverwritten() throws {
        let (server, workspace, app) = try started()
        defer { stop(server, workspace) }
        #expect(try workspace.sync().status == 0)

        // Five days on, the follow-up window has passed: the callbacks are cancelled.
        let later = ISO8601DateFormatter().date(from: "2026-11-25T23:00:00Z")!
        let engine = try workspace.engine()
        let prepared = try engine.prepare(now: later)
        let cancelled = try #require(prepared.plan.calendars.first?.cancels.map(\.new.uid).first)
        try app.move(uid: cancelled, toLocal: "20261124T100000", end: "20261124T101500")
        let crewVersion = try #require(try app.resource(uid: cancelled))

        let notices = try engine.apply(prepared, finishedAt: later)
        #expect(notices.contains { $0.contains(cancelled) && $0.contains("not overwritten") }, "\(notices)")
        let onServer = try #require(try app.resource(uid: cancelled))
        #expect(onServer.etag == crewVersion.etag && !onServer.data.contains("STATUS:CANCELLED"))
        #expect(try recorded(workspace)[cancelled]?.event.cancelled == false)

        // The next run reads the crew's version and plans again: still not wanted, so cancelled now.
        let next = try workspace.sync(now: "2026-11-25T23:00:00Z")
        // 6: five days on, the samples' sources have brought no new call (everything else is applied).
        #expect([0, 6].contains(next.status), "\(next.stderr)")
        #expect(try app.resource(uid: cancelled)?.data.contains("STATUS:CANCELLED") == true)
        #expect(try recorded(workspace)[cancelled]?.event.cancelled == true)
    }

    @Test(.enabled(if: RadicaleServer.executable != nil))
    func aWrongPasswordExitsThreeNamingTheAccountNotThePassword() throws {
        let server = try RadicaleServer()
        defer { server.stop() }
        let wrong = "not-the-password-42"
        let workspace = try CalDAVWorkspace(server: server, passwordFile: wrong)
        defer { workspace.remove() }
        let run = try workspace.sync()
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("`office`") && run.stderr.contains("401"), "\(run.stderr)")
        #expect(!run.stderr.contains(wrong) && !run.stdout.contains(wrong))
        #expect(try CrewCalendarApp(server: server).resources().isEmpty)
    }

    @Test(.enabled(if: RadicaleServer.executable != nil))
    func aServerThatIsDownExitsFiveAndChangesNoState() throws {
        let (server, workspace, _) = try started()
        defer { stop(server, workspace) }
        try workspace.setTargets([
            "url: \(server.calendarURL.absoluteString)", "username: \(server.username)", "password_file: ../caldav-password", "max_attempts: 2",
            "timeout_seconds: 2",
        ])
        #expect(try workspace.sync().status == 0)
        let store = try workspace.store()
        let before = (try store.lastRun(), try recorded(workspace), try store.calls(since: nil).count)
        server.stop()

        let run = try workspace.sync(now: "2026-11-25T23:00:00Z")
        #expect(run.status == 5, "\(run.stderr)")
        #expect(run.stderr.contains("did not answer"), "\(run.stderr)")
        #expect(!run.stderr.contains(server.password))
        let after = (try store.lastRun(), try recorded(workspace), try store.calls(since: nil).count)
        #expect(after.0 == before.0 && after.1 == before.1 && after.2 == before.2)
    }

    @Test(.enabled(if: RadicaleServer.executable != nil))
    func aGroupReadablePasswordFileIsRefused() throws {
        let (server, workspace, _) = try started()
        defer { stop(server, workspace) }
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: workspace.passwordPath)
        let run = try workspace.run(["validate", "--config", workspace.configPath])
        #expect(run.status == 3)
        #expect(run.stderr.contains("can be read by group or others") && run.stderr.contains("chmod 600"), "\(run.stderr)")
    }

    @Test(.enabled(if: RadicaleServer.executable != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func python3CaldavReadsValidEvents() throws {
        let (server, workspace, _) = try started()
        defer { stop(server, workspace) }
        #expect(try workspace.sync().status == 0)
        let events = try recorded(workspace)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/read_with_caldav.py")
        process.arguments = [script.path, server.calendarURL.absoluteString, server.username]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data((server.password + "\n").utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: err, as: UTF8.self))")
        let report = try #require(try JSONSerialization.jsonObject(with: out) as? [String: Any])
        let read = try #require(report["events"] as? [[String: String]])
        #expect((report["problems"] as? [String]) == [])
        #expect(Set(read.compactMap { $0["uid"] }) == Set(events.keys))
        for event in read {
            let synced = try #require(events[event["uid"] ?? ""])
            #expect(event["summary"] == synced.event.title)
            #expect(event["lead"] == synced.event.leadID)
            #expect(event["status"] == "CONFIRMED")
        }
        print("python3-caldav read \(read.count) events written by Ringback; problems: \((report["problems"] as? [String])?.count ?? -1)")
    }

    /// Rewrites the calendar's read state as the state store holds it.
    func changeReadState(_ workspace: CalDAVWorkspace, _ change: (inout CalendarReadState) -> Void) throws -> String {
        let config = try ConfigLoader.load(path: workspace.configPath)
        let label = config.targets.first { $0.type == "caldav_calendar" }!.label
        let store = try workspace.store()
        var state = try store.calendarReadState(label)
        change(&state)
        var commit = StateCommit(run: RunRecord(startedAt: Date(), finishedAt: Date(), summary: "test"))
        commit.calendarReadStates[label] = state
        try store.commit(commit)
        return label
    }

    @Test(.enabled(if: RadicaleServer.executable != nil))
    func aSyncTokenTheServerRejectsFallsBackToAFullListing() throws {
        let (server, workspace, _) = try started()
        defer { stop(server, workspace) }
        #expect(try workspace.sync().status == 0)
        let label = try changeReadState(workspace) { $0.syncToken = "http://radicale.org/ns/sync/not-a-token" }
        let run = try workspace.sync()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("No changes."), "\(run.stdout)")
        let token = try workspace.store().calendarReadState(label).syncToken
        #expect(token != nil && token != "http://radicale.org/ns/sync/not-a-token")
    }

    @Test(.enabled(if: RadicaleServer.executable != nil))
    func withoutSyncCollectionTheTimeRangeIsListedAndADeletionSeen() throws {
        let (server, workspace, app) = try started()
        defer { stop(server, workspace) }
        #expect(try workspace.sync().status == 0)
        let label = try changeReadState(workspace) {
            $0.incremental = false
            $0.syncToken = nil
        }
        let quiet = try workspace.sync()
        #expect(quiet.stdout.contains("No changes."), "\(quiet.stdout)")
        let callback = try #require(try recorded(workspace).values.filter { $0.event.kind == .callback }.map(\.uid).sorted().first)
        #expect((200..<300).contains(try app.delete(uid: callback)))
        let run = try workspace.sync()
        #expect(run.stdout.contains("\(callback)") && run.stdout.contains("deleted by the crew"), "\(run.stdout)")
        #expect(try workspace.store().calendarReadState(label).incremental == false)
    }
}
