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

    func found(_ events: [String: SyncedEvent]) -> [String: FoundEvent] {
        events.mapValues { FoundEvent(event: $0.shown, sequence: $0.sequence, stampedAt: $0.revisedAt) }
    }

    @Test func anEventTheCrewDeletedIsRecordedAndNeverPutBack() {
        let base = applied(planner.plan(target: "c", desired: [event("RB-1"), event("RB-2")], base: [:], now: now), to: [:])
        var left = found(base)
        left[event("RB-1").uid] = nil
        let plan = planner.plan(target: "c", desired: [event("RB-1"), event("RB-2")], base: base, found: left, readsBack: true, now: now)
        #expect(plan.isEmpty)
        #expect(plan.crewChanges.map(\.kind) == [.removed])
        let next = applied(plan, to: base)
        #expect(next[event("RB-1").uid]?.removedByCrew == true)
        let later = planner.plan(
            target: "c", desired: [event("RB-1", title: "Call back again"), event("RB-2")], base: next, found: left, readsBack: true, now: now)
        #expect(later.isEmpty && later.crewChanges.isEmpty)
    }

    @Test func anEventTheCrewMovedStaysThereUntilRingbacksWishChanges() {
        let base = applied(planner.plan(target: "c", desired: [event("RB-1")], base: [:], now: now), to: [:])
        var moved = found(base)
        moved[event("RB-1").uid]!.event.start = Date(timeIntervalSince1970: 1_795_300_000)
        moved[event("RB-1").uid]!.event.end = Date(timeIntervalSince1970: 1_795_300_900)
        let plan = planner.plan(target: "c", desired: [event("RB-1")], base: base, found: moved, readsBack: true, now: now)
        #expect(plan.isEmpty && plan.crewChanges.map(\.kind) == [.moved])
        let next = applied(plan, to: base)
        #expect(next[event("RB-1").uid]?.shown.start == Date(timeIntervalSince1970: 1_795_300_000))
        // A new title is written at the crew's time.
        let retitled = planner.plan(
            target: "c", desired: [event("RB-1", title: "Call back now")], base: next, found: moved, readsBack: true, now: now)
        #expect(retitled.updates.first?.new.shown.start == Date(timeIntervalSince1970: 1_795_300_000))
        // A new time from Ringback (the office's) wins and is reported.
        let overruled = planner.plan(target: "c", desired: [event("RB-1", start: 1_795_400_000)], base: next, found: moved, readsBack: true, now: now)
        #expect(overruled.updates.first?.new.shown.start == Date(timeIntervalSince1970: 1_795_400_000))
        #expect(overruled.crewChanges.map(\.kind) == [.overruled])
    }

    @Test func withoutReadingBackAMissingEventIsNotTakenAsDeleted() {
        let base = applied(planner.plan(target: "c", desired: [event("RB-1")], base: [:], now: now), to: [:])
        let plan = planner.plan(target: "c", desired: [event("RB-1", title: "New")], base: base, found: [:], now: now)
        #expect(plan.updates.count == 1 && plan.crewChanges.isEmpty)
    }
}
