import Foundation
import RingbackCore
import RingbackTesting
import Testing

/// The weekly review's figures against a week worked out by hand (Monday 16 – Sunday 22 November 2026,
/// the Fixtures business open weekdays 07:00–18:00 and Saturday 08:00–12:00, Central time).
@Suite struct WeeklyReviewTests {
    static func c(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date { Fixtures.central(day, hour, minute) }

    static func row(_ id: String, _ cells: [SheetColumn: String], pins: [SheetColumn: String] = [:]) -> SyncedRow {
        SyncedRow(leadID: id, cells: SheetCells(cells), pins: pins)
    }

    /// Six leads this week, one the week before, and calls that are not leads.
    static var ledger: ReviewLedger {
        let calls = [
            Fixtures.missed("f1", from: "+15125550005", at: c(10, 10)),
            Fixtures.missed("a1", from: "+15125550001", at: c(16, 9), voicemail: "need a water heater"),
            Fixtures.answered("a-back", with: "+15125550001", at: c(16, 9, 30)),
            Fixtures.missed("b1", from: "+15125550002", at: c(16, 17, 50)),
            Fixtures.missed("b2", from: "+15125550002", at: c(17, 7, 20)),
            Fixtures.answered("other", with: "+15125550099", at: c(17, 10), direction: .inbound),
            Fixtures.answered("own", with: "+15125550100", at: c(17, 11), direction: .inbound),
            Fixtures.missed("c1", from: "+15125550003", at: c(18, 11)),
            Fixtures.missed("d1", from: "+15125550004", at: c(18, 11, 30)),
            Call(
                key: "e1", source: "test", startedAt: c(20, 16), direction: .inbound, customer: .anonymous,
                businessLine: .number("+15125550100"), durationSeconds: 10, outcome: .missed),
            Fixtures.answered("saturday", with: "+15125550098", at: c(21, 14), direction: .inbound),
            Fixtures.missed("g1", from: "+15125550007", at: c(22, 23, 30)),
        ]
        let anchors = ["f1": "RB-F", "a1": "RB-A", "b1": "RB-B", "c1": "RB-C", "d1": "RB-D", "e1": "RB-E", "g1": "RB-G"]
        let rows = [
            row("RB-F", [.status: "New missed call", .callerType: "New lead"], pins: [.status: "Booked", .appointment: "2026-11-12 09:00"]),
            row(
                "RB-A", [.status: "New missed call", .callerType: "New lead", .owner: "Office manager", .callerName: "Ana"],
                pins: [.status: "Booked", .appointment: "2026-11-18 10:00"]),
            row(
                "RB-B",
                [
                    .status: "Staff review", .callerType: "Emergency request", .owner: "Dispatcher", .dueBy: "2026-11-17 08:00",
                    .nextAction: "Escalate", .why: "Type: Emergency request: safety issue gas smell, heard “gas” | Urgency: safety issue",
                ],
                pins: [.callerType: "New lead"]),
            row("RB-C", [.status: "Closed - not a fit", .callerType: "Vendor, spam, or wrong number", .owner: "Admin"]),
            row(
                "RB-D",
                [
                    .status: "Closed - no response", .callerType: "New lead", .owner: "Office manager",
                    .why: "Type: New lead: not on any list, no caller-type phrase heard | Urgency: none",
                ],
                pins: [.owner: "Estimator"]),
            row("RB-E", [.status: "Qualified", .callerType: "New lead"]),
            row("RB-G", [.status: "New missed call", .callerType: "New lead", .dueBy: "2026-11-23 08:00"]),
        ]
        let runs = [c(10, 10, 5), c(16, 9, 10), c(17, 8), c(18, 12), c(20, 17)].map { RunRecord(startedAt: $0, finishedAt: $0, summary: "") }
        return ReviewLedger(calls: calls, anchors: anchors, rows: Dictionary(uniqueKeysWithValues: rows.map { ($0.leadID, $0) }), runs: runs)
    }

    static func review() -> WeeklyReview {
        WeeklyReviewBuilder(rules: Fixtures.rules(), assignmentSLAMinutes: 30)
            .review(ledger, week: ReviewWeek(containing: c(18, 12), zone: Fixtures.zone), now: c(23, 8))
    }

    @Test func countsTheWeekAsWorkedOutByHand() {
        let f = Self.review().thisWeek
        #expect(f.week.label == "2026-11-16")
        #expect(f.missedCallsCaptured == 7)  // A, B twice, C, D, E, G
        #expect(f.leads == 6)
        #expect(f.opportunities == 5)  // C is a vendor
        #expect(f.replied == 2)  // A reached and booked, E qualified
        #expect(f.qualified == 2)
        #expect(f.booked == 1)
        #expect(f.staffReview == 1)  // B
        #expect(f.noResponseClosures == 1)  // D
        #expect(f.badRoutingNotes == 2)  // B's caller type, D's owner
        // A 09:00→09:10 = 10; B Mon 17:50→Tue 08:00 = 10 + 60; C 11:00→12:00; D 11:30→12:00; E 16:00→17:00; G no run yet.
        #expect(f.assignmentMinutes.sorted() == [10, 30, 60, 60, 70])
        #expect(f.medianAssignmentMinutes == 60)
        #expect(f.assignedWithinSLA == 2)
        // Open hours: A, B, B, other, C, D, E (own line, Saturday afternoon and Sunday night left out); 6 unanswered.
        #expect(f.inboundInHours == 7)
        #expect(f.missedInHours == 6)
    }

    @Test func measuresAreTheRatiosOfTheCounts() {
        let review = Self.review()
        let f = review.thisWeek
        #expect(ReviewMeasure.replyRate.detail(f) == "40 % (2 of 5)")
        #expect(ReviewMeasure.staffReviewRate.detail(f) == "17 % (1 of 6)")
        #expect(ReviewMeasure.ownerAssignmentMedian.text(ReviewMeasure.ownerAssignmentMedian.value(f)) == "1 h 00 min")
        #expect(ReviewMeasure.ownerAssignmentWithinSLA.detail(f) == "40 % (2 of 5)")
        #expect(ReviewMeasure.missedCallRate.detail(f) == "86 % (6 of 7)")
        #expect(ReviewMeasure.leadToBookingRate.detail(f) == "20 % (1 of 5)")
        #expect(ReviewMeasure.ownerAssignmentWithinSLA.definition(slaMinutes: 30).contains("30 business minutes"))
        let last = review.lastWeek
        #expect(last.leads == 1 && last.booked == 1 && last.assignmentMinutes == [5])
        #expect(ReviewMeasure.missedCallRate.detail(last) == "100 % (1 of 1)")
        #expect(review.weeks.count == 8)
        #expect(review.weeks.first?.week.label == "2026-09-28")
        #expect(review.weeks.dropLast(2).allSatisfy { $0.leads == 0 && ReviewMeasure.replyRate.value($0) == nil })
    }

    @Test func listsTheCallsSavedStalledAndTheRulesToChange() {
        let review = Self.review()
        #expect(review.asOf == "2026-11-20 17:00", "the last sync before the report")
        #expect(review.saved.map(\.leadID) == ["RB-A"])
        #expect(review.saved.first?.detail == "2026-11-18 10:00")
        // B is open past its due-by with no call back; G's due-by is not past yet, E has none, D is closed.
        #expect(review.stalled.map(\.leadID) == ["RB-B"])
        #expect(review.stalled.first?.detail == "due 2026-11-17 08:00 · Escalate")
        #expect(review.rulesToChange.count == 2)
        let type = review.rulesToChange[0]
        #expect(type.field == .callerType && type.from == "Emergency request" && type.to == "New lead")
        #expect(type.keywords == ["gas"] && type.leadIDs == ["RB-B"])
        let owner = review.rulesToChange[1]
        #expect(owner.field == .owner && owner.from == "Office manager" && owner.to == "Estimator")
        #expect(owner.keywords == ["not on any list, no caller-type phrase heard"])
    }

    @Test func ranksRulesByHowOftenTheOfficeCorrectedThem() {
        let corrections = [
            RoutingCorrection(field: .owner, from: "Office manager", to: "Estimator", leadID: "1", reason: "x"),
            RoutingCorrection(
                field: .callerType, from: "Complex quote", to: "New lead", leadID: "2", reason: "Complex quote: quote wording “estimate”"),
            RoutingCorrection(
                field: .callerType, from: "Complex quote", to: "New lead", leadID: "3", reason: "Complex quote: quote wording “remodel”"),
            RoutingCorrection(
                field: .callerType, from: "Complex quote", to: "New lead", leadID: "4", reason: "Complex quote: quote wording “remodel”"),
        ]
        let ranked = RuleToChange.ranked(corrections)
        #expect(ranked.map(\.count) == [3, 1])
        #expect(ranked[0].keywords == ["remodel", "estimate"])
        #expect(ranked[0].leadIDs == ["2", "3", "4"])
    }

    @Test func countsOnlyOpenMinutesBetweenTwoInstants() {
        let hours = Fixtures.weekdaysSevenToSix()
        #expect(hours.minutes(from: Self.c(20, 17), to: Self.c(23, 8)) == 60 + 4 * 60 + 60)  // Fri 17–18, Sat 8–12, Mon 7–8
        #expect(hours.minutes(from: Self.c(22, 10), to: Self.c(22, 20)) == 0)  // Sunday is closed
        #expect(hours.minutes(from: Self.c(23, 9), to: Self.c(23, 8)) == 0)
    }

    @Test func weeksRunMondayToMondayInTheBusinessZone() {
        let week = ReviewWeek(containing: Self.c(22, 23, 59), zone: Fixtures.zone)
        #expect(week.label == "2026-11-16")
        #expect(week.span == "2026-11-16 – 2026-11-22")
        #expect(week.start == Self.c(16, 0) && week.end == Self.c(23, 0))
        #expect(!week.contains(Self.c(23, 0)))
        #expect(week.offset(by: -1).label == "2026-11-09")
    }
}
