import Foundation
import RingbackCore
import Testing

@testable import RingbackOffline

@Suite struct ICSCalendarTargetTests {
    func event(_ lead: String, title: String) -> CalendarEvent {
        CalendarEvent(
            uid: LeadEventBuilder.uid(leadID: lead, kind: .job), leadID: lead, kind: .job, title: title,
            details: "Service: Plumbing; leak\nPhone: +15125550142", location: "901 W 29th St, Austin",
            start: Date(timeIntervalSince1970: 1_795_600_000), end: Date(timeIntervalSince1970: 1_795_607_200), owner: "Dispatcher")
    }

    @Test func whatTheFileHoldsIsReadBackWithTheSameFingerprintAndSequence() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ringback-ics-\(UUID().uuidString).ics").path
        let target = ICSCalendarTarget(path: path, name: "Test")
        let stamp = Date(timeIntervalSince1970: 1_795_500_000)
        var cancelled = event("RB-2", title: "Job: Drain cleaning - José Ramírez, \"Pepe\"; side door")
        cancelled.cancelled = true
        let events = [
            SyncedEvent(event: event("RB-1", title: "Job: Leak repair - Maria Lopez"), sequence: 3, revisedAt: stamp),
            SyncedEvent(event: cancelled, sequence: 1, revisedAt: stamp),
        ]
        var plan = CalendarPlan(target: path)
        plan.creates = events
        _ = try target.open(remembered: [:]).apply(plan)
        let found = try target.load()
        #expect(found.count == 2)
        for synced in events {
            let read = try #require(found[synced.uid])
            #expect(read.fingerprint == synced.event.fingerprint)
            #expect(read.sequence == synced.sequence)
            #expect(read.stampedAt == stamp)
        }
        let planner = CalendarPlanner().plan(target: path, desired: events.map(\.event), base: [:], found: found, now: stamp)
        #expect(planner.isEmpty && planner.adopted.count == 2)
    }

    @Test func aMissingFileIsRewrittenEvenWithNothingToChange() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ringback-ics-\(UUID().uuidString).ics").path
        let target = ICSCalendarTarget(path: path, name: "Test")
        let base = [event("RB-1", title: "t").uid: SyncedEvent(event: event("RB-1", title: "t"), sequence: 0, revisedAt: Date())]
        _ = try target.open(remembered: base).apply(CalendarPlan(target: path))
        #expect(try target.load().count == 1)
    }
}

@Suite struct ICSFrozenEventTests {
    let stamp = Date(timeIntervalSince1970: 1_795_500_000)

    func synced(_ lead: String, _ title: String) -> SyncedEvent {
        SyncedEvent(event: ICSCalendarTargetTests().event(lead, title: title), sequence: 1, revisedAt: stamp)
    }

    /// A frozen lead's event is neither parsed nor planned, and rewriting the file keeps its lines as the
    /// crew's app left them, while the live event around it is read and rewritten as usual.
    @Test func frozenEventsAreSetApartAndWrittenBackAsTheFileHeldThem() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ringback-ics-\(UUID().uuidString).ics").path
        let target = ICSCalendarTarget(path: path, name: "Test")
        let old = synced("RB-1", "Job: Old leak"), live = synced("RB-2", "Job: New leak")
        var plan = CalendarPlan(target: path)
        plan.creates = [old, live]
        _ = try target.open(remembered: [:]).apply(plan)
        // The crew's app saved the old event with bare line feeds and a note of its own.
        let original = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        let oldBlock = try #require(original.components(separatedBy: "BEGIN:VEVENT").first { $0.contains(old.uid) })
        let edited = "BEGIN:VEVENT" + oldBlock.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "END:VEVENT", with: "X-CREW-NOTE:keep\nEND:VEVENT")
        try original.replacingOccurrences(of: "BEGIN:VEVENT" + oldBlock, with: edited).write(toFile: path, atomically: true, encoding: .utf8)

        let opened = try target.open(remembered: [live.uid: live], readState: .empty, frozenUIDs: [old.uid])
        #expect(Set(opened.found.keys) == [live.uid])
        #expect(opened.readsBack)
        var moved = live
        moved.event.title = "Job: New leak, moved"
        var update = CalendarPlan(target: path)
        update.updates = [CalendarPlan.Revision(old: live, new: moved)]
        _ = try opened.apply(update)

        let rewritten = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(rewritten.contains(edited.replacingOccurrences(of: "\n", with: "\r\n")))
        #expect(!rewritten.contains("\n\n") && !rewritten.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(rewritten.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
        let all = try target.load()
        #expect(Set(all.keys) == [old.uid, live.uid])
        #expect(all[live.uid]?.event.title == "Job: New leak, moved")
    }

    @Test func aFileHoldingOnlyFrozenEventsStillReadsBack() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ringback-ics-\(UUID().uuidString).ics").path
        let target = ICSCalendarTarget(path: path, name: "Test")
        let old = synced("RB-1", "Job: Old leak"), live = synced("RB-2", "Job: New leak")
        var plan = CalendarPlan(target: path)
        plan.creates = [old]
        _ = try target.open(remembered: [:]).apply(plan)
        // The crew deleted the one live event; the file is not taken as emptied or replaced.
        let opened = try target.open(remembered: [live.uid: live], readState: .empty, frozenUIDs: [old.uid])
        #expect(opened.found.isEmpty)
        #expect(opened.readsBack && !opened.needsWrite)
    }
}
