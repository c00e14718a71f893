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
