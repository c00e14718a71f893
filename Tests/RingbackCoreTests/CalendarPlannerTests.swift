import Foundation
import Testing

@testable import RingbackCore

@Suite struct CalendarPlannerTests {
    let planner = CalendarPlanner()
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func event(_ lead: String, start: TimeInterval = 1_795_100_000, title: String = "Call back") -> CalendarEvent {
        CalendarEvent(
            uid: LeadEventBuilder.uid(leadID: lead, kind: .callback), leadID: lead, kind: .callback, title: title,
            details: "d", location: "", start: Date(timeIntervalSince1970: start),
            end: Date(timeIntervalSince1970: start + 900), owner: "Office manager")
    }

    func applied(_ plan: CalendarPlan, to base: [String: SyncedEvent]) -> [String: SyncedEvent] {
        var next = base
        for event in plan.stateChange.upsertEvents { next[event.uid] = event }
        return next
    }

    @Test func createThenNoChangeThenUpdateRaisesSequence() {
        let created = planner.plan(target: "c", desired: [event("RB-1")], base: [:], now: now)
        #expect(created.creates.map(\.sequence) == [0])
        var base = applied(created, to: [:])
        #expect(planner.plan(target: "c", desired: [event("RB-1")], base: base, now: now).isEmpty)
        let moved = planner.plan(target: "c", desired: [event("RB-1", start: 1_795_200_000)], base: base, now: now)
        #expect(moved.updates.count == 1 && moved.updates[0].new.sequence == 1)
        base = applied(moved, to: base)
        #expect(base.values.first?.sequence == 1)
    }

    @Test func anEventNoLongerWantedIsCancelledOnceAndKept() {
        var base = applied(planner.plan(target: "c", desired: [event("RB-1"), event("RB-2")], base: [:], now: now), to: [:])
        let cancel = planner.plan(target: "c", desired: [event("RB-1")], base: base, now: now)
        #expect(cancel.cancels.count == 1)
        #expect(cancel.cancels[0].new.event.cancelled && cancel.cancels[0].new.sequence == 1)
        base = applied(cancel, to: base)
        #expect(planner.plan(target: "c", desired: [event("RB-1")], base: base, now: now).isEmpty)
        #expect(cancel.resultingEvents(base: base).count == 2)
        let back = planner.plan(target: "c", desired: [event("RB-1"), event("RB-2")], base: base, now: now)
        #expect(back.updates.count == 1 && back.updates[0].new.sequence == 2 && !back.updates[0].new.event.cancelled)
    }

    @Test func anEventFoundInTheFileButNoLongerWantedIsCancelledNotDropped() {
        let stray = event("RB-9")
        let found = [stray.uid: FoundEvent(event: stray, sequence: 2, stampedAt: now)]
        let plan = planner.plan(target: "c", desired: [event("RB-1")], base: [:], found: found, now: now)
        #expect(plan.cancels.map(\.new.uid) == [stray.uid])
        #expect(plan.cancels[0].new.sequence == 3 && plan.cancels[0].new.event.cancelled)
        #expect(plan.resultingEvents(base: [:]).map(\.uid).sorted() == [event("RB-1").uid, stray.uid].sorted())
    }
}
