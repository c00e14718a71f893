import Foundation
import RingbackCore
import RingbackStore
import Testing

struct StateCommitTests {
    @Test func everyPartOfACommitReadsBackEqual() throws {
        let store = try SQLiteStateStore.inMemory()
        let file = ProcessedFile(source: "twilio", path: "/in/calls 1.csv", size: 12_345, modifiedAt: StateFixtures.base)
        let commit = StateCommit(
            processedFiles: [file], newCalls: StateFixtures.variedCalls,
            leadAnchors: ["twilio:CA1": "RB-7K2Q", "csv:3": "RB-9XW1"],
            targetChanges: [
                "sheet": TargetStateChange(upsertRows: [StateFixtures.row("RB-7K2Q"), StateFixtures.row("RB-9XW1")]),
                "calendar": TargetStateChange(upsertEvents: [StateFixtures.event("RB-7K2Q", sequence: 3)]),
            ],
            watermarks: ["twilio": StateFixtures.base.addingTimeInterval(0.25)],
            run: StateFixtures.run("2 leads"))

        try store.commit(commit)

        #expect(try store.processedFile(source: "twilio", path: "/in/calls 1.csv") == file)
        #expect(try store.processedFile(source: "other", path: "/in/calls 1.csv") == nil)
        #expect(try Set(store.calls(since: nil)) == Set(StateFixtures.variedCalls))
        #expect(try store.leadAnchors() == commit.leadAnchors)
        #expect(
            try store.targetState("sheet")
                == TargetState(rows: [
                    "RB-7K2Q": StateFixtures.row("RB-7K2Q"), "RB-9XW1": StateFixtures.row("RB-9XW1"),
                ]))
        #expect(
            try store.targetState("calendar")
                == TargetState(events: [
                    "RB-7K2Q-callback@ringback": StateFixtures.event("RB-7K2Q", sequence: 3)
                ]))
        #expect(try store.watermark(source: "twilio") == StateFixtures.base.addingTimeInterval(0.25))
        #expect(try store.watermark(source: "csv") == nil)
        #expect(try store.lastRun() == StateFixtures.run("2 leads"))
    }

    @Test func emptyStoreHasNothing() throws {
        let store = try SQLiteStateStore.inMemory()
        #expect(try store.calls(since: nil).isEmpty)
        #expect(try store.leadAnchors().isEmpty)
        #expect(try store.targetState("sheet") == .empty)
        #expect(try store.lastRun() == nil)
        #expect(try store.watermark(source: "twilio") == nil)
    }

    @Test func recommittingKnownCallsKeepsTheFirstCopy() throws {
        let store = try SQLiteStateStore.inMemory()
        let original = StateFixtures.call("twilio:CA1")
        try store.commit(StateCommit(newCalls: [original], run: StateFixtures.run("first")))
        var changed = original
        changed.durationSeconds = 99
        try store.commit(
            StateCommit(
                newCalls: [changed, StateFixtures.call("twilio:CA2", minutesAfterBase: 1)], run: StateFixtures.run("second")))

        #expect(try store.calls(since: nil) == [original, StateFixtures.call("twilio:CA2", minutesAfterBase: 1)])
        #expect(try store.lastRun()?.summary == "second")
    }

    @Test func upsertsReplaceRowsEventsAnchorsFilesAndWatermarks() throws {
        let store = try SQLiteStateStore.inMemory()
        try store.commit(
            StateCommit(
                processedFiles: [ProcessedFile(source: "csv", path: "a.csv", size: 1, modifiedAt: StateFixtures.base)],
                leadAnchors: ["k1": "RB-1"],
                targetChanges: [
                    "sheet": TargetStateChange(
                        upsertRows: [StateFixtures.row("RB-1"), StateFixtures.row("RB-2")],
                        upsertEvents: [StateFixtures.event("RB-1")])
                ],
                watermarks: ["csv": StateFixtures.base],
                run: StateFixtures.run("first")))
        var deleted = StateFixtures.row("RB-1", status: "Booked")
        deleted.deletedByOffice = true
        let later = StateFixtures.base.addingTimeInterval(60)
        try store.commit(
            StateCommit(
                processedFiles: [ProcessedFile(source: "csv", path: "a.csv", size: 2, modifiedAt: later)],
                leadAnchors: ["k1": "RB-1b"],
                targetChanges: [
                    "sheet": TargetStateChange(
                        upsertRows: [deleted], upsertEvents: [StateFixtures.event("RB-1", sequence: 1, title: "Job")])
                ],
                watermarks: ["csv": later],
                run: StateFixtures.run("second", minutesAfterBase: 5)))

        #expect(
            try store.targetState("sheet")
                == TargetState(
                    rows: ["RB-1": deleted, "RB-2": StateFixtures.row("RB-2")],
                    events: ["RB-1-callback@ringback": StateFixtures.event("RB-1", sequence: 1, title: "Job")]))
        #expect(try store.leadAnchors() == ["k1": "RB-1b"])
        #expect(
            try store.processedFile(source: "csv", path: "a.csv")
                == ProcessedFile(source: "csv", path: "a.csv", size: 2, modifiedAt: later))
        #expect(try store.watermark(source: "csv") == later)
        #expect(try store.lastRun() == StateFixtures.run("second", minutesAfterBase: 5))
    }

    @Test func targetsAreIndependent() throws {
        let store = try SQLiteStateStore.inMemory()
        try store.commit(
            StateCommit(
                targetChanges: [
                    "sheet-a": TargetStateChange(upsertRows: [StateFixtures.row("RB-1")]),
                    "sheet-b": TargetStateChange(upsertRows: [StateFixtures.row("RB-1", status: "Booked")]),
                ],
                run: StateFixtures.run("first")))
        try store.commit(
            StateCommit(
                targetChanges: ["sheet-a": TargetStateChange(upsertRows: [StateFixtures.row("RB-1", status: "Qualified")])],
                run: StateFixtures.run("second")))

        #expect(try store.targetState("sheet-a").rows["RB-1"]?.cells[.status] == "Qualified")
        #expect(try store.targetState("sheet-b").rows["RB-1"]?.cells[.status] == "Booked")
        #expect(try store.targetState("calendar") == .empty)
    }

    @Test func callsSinceFiltersInclusivelyAndOrdersOldestFirst() throws {
        let store = try SQLiteStateStore.inMemory()
        let calls = [
            StateFixtures.call("c", minutesAfterBase: 10), StateFixtures.call("a", minutesAfterBase: -5),
            StateFixtures.call("b2", minutesAfterBase: 3), StateFixtures.call("b1", minutesAfterBase: 3),
        ]
        try store.commit(StateCommit(newCalls: calls, run: StateFixtures.run("calls")))

        #expect(try store.calls(since: nil).map(\.key) == ["a", "b1", "b2", "c"])
        let cutoff = StateFixtures.base.addingTimeInterval(3 * 60)
        #expect(try store.calls(since: cutoff).map(\.key) == ["b1", "b2", "c"])
        #expect(try store.calls(since: cutoff.nextUp).map(\.key) == ["c"])
        #expect(try store.calls(since: StateFixtures.base.addingTimeInterval(3600)).isEmpty)
    }

    @Test func aFailedCommitLeavesNothingBehind() throws {
        let store = try SQLiteStateStore.inMemory()
        try store.commit(StateCommit(newCalls: [StateFixtures.call("kept")], run: StateFixtures.run("first")))
        let unstorableRun = RunRecord(
            startedAt: Date(timeIntervalSinceReferenceDate: .nan), finishedAt: StateFixtures.base, summary: "broken")

        #expect(throws: StateStoreError.self) {
            try store.commit(
                StateCommit(
                    processedFiles: [ProcessedFile(source: "csv", path: "b.csv", size: 1, modifiedAt: StateFixtures.base)],
                    newCalls: [StateFixtures.call("lost")], leadAnchors: ["lost": "RB-X"],
                    targetChanges: ["sheet": TargetStateChange(upsertRows: [StateFixtures.row("RB-X")])],
                    watermarks: ["csv": StateFixtures.base], run: unstorableRun))
        }

        #expect(try store.calls(since: nil).map(\.key) == ["kept"])
        #expect(try store.processedFile(source: "csv", path: "b.csv") == nil)
        #expect(try store.leadAnchors().isEmpty)
        #expect(try store.targetState("sheet") == .empty)
        #expect(try store.watermark(source: "csv") == nil)
        #expect(try store.lastRun()?.summary == "first")
    }
}

extension Date {
    fileprivate var nextUp: Date { Date(timeIntervalSinceReferenceDate: timeIntervalSinceReferenceDate.nextUp) }
}

/// A calendar's read state (sync token, address, tags) and the crew's marks on events survive a reopen.
@Suite struct CalendarReadStateStoreTests {
    @Test func theReadStateAndCrewMarksAreKept() throws {
        let directory = try StateFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.sqlite").path
        let read = CalendarReadState(
            syncToken: "http://radicale.org/ns/sync/abc", location: "http://127.0.0.1/office/callbacks/",
            resources: [
                "RB-1-callback@ringback": .init(href: "/office/callbacks/RB-1.ics", etag: "\"e1\""),
                "RB-2-job@ringback": .init(href: "/x", etag: nil),
            ])
        let event = CalendarEvent(
            uid: "RB-1-callback@ringback", leadID: "RB-1", kind: .callback, title: "Call back", details: "", location: "",
            start: Date(timeIntervalSinceReferenceDate: 1000), end: Date(timeIntervalSinceReferenceDate: 1900), owner: "Office")
        let moved = DateInterval(start: Date(timeIntervalSinceReferenceDate: 5000), end: Date(timeIntervalSinceReferenceDate: 5900))
        var commit = StateCommit(
            targetChanges: [
                "cal": TargetStateChange(upsertEvents: [
                    SyncedEvent(event: event, sequence: 2, revisedAt: event.start, removedByCrew: true, crewTimes: moved)
                ])
            ],
            run: StateFixtures.run("one"))
        commit.calendarReadStates = ["cal": read]
        try SQLiteStateStore(path: path).commit(commit)

        let reopened = try SQLiteStateStore(path: path)
        #expect(try reopened.calendarReadState("cal") == read)
        #expect(try reopened.calendarReadState("other") == .empty)
        let synced = try #require(try reopened.targetState("cal").events[event.uid])
        #expect(synced.removedByCrew && synced.crewTimes == moved && synced.shown.start == moved.start)
    }
}
