import Foundation
import RingbackCore
import RingbackSync
import RingbackTesting
import Testing

/// The follow-up loop closes a lead only when the office tried, and never lets one wait quietly.
@Suite struct FollowUpLoopTests {
    static let caller = "+15125550150"

    /// A Friday 16:20 missed call, looked at on Monday evening with nobody having called back.
    @Test func aLeadNobodyCalledBackStaysOpenAndGoesToAPerson() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(at: Fixtures.central(20, 16, 30), [Fixtures.missed("f1", from: Self.caller, at: Fixtures.central(20, 16, 20))])
        let lead = try #require(workspace.leadID(phone: Self.caller))
        #expect(workspace.sheet.row(lead)?[.status] == LeadStatus.newMissedCall.rawValue)

        try workspace.sync(at: Fixtures.central(23, 18))
        let row = try #require(workspace.sheet.row(lead))
        #expect(row[.status] == LeadStatus.staffReview.rawValue)
        #expect(row[.nextAction]?.contains("Overdue, nobody has reached the caller (0 of 2 callback attempts)") == true)
        #expect(row[.dueBy]?.isEmpty == false)
        #expect(workspace.calendar.events.values.contains { $0.event.leadID == lead && !$0.event.cancelled })
    }

    /// The callback that finally reaches the caller five days on still belongs to the lead waiting for it.
    @Test func aLateCallbackJoinsTheLeadStillWaitingForIt() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(at: Fixtures.central(20, 16, 30), [Fixtures.missed("f1", from: Self.caller, at: Fixtures.central(20, 16, 20))])
        let lead = try #require(workspace.leadID(phone: Self.caller))
        try workspace.sync(at: Fixtures.central(25, 10, 30), [Fixtures.answered("o1", with: Self.caller, at: Fixtures.central(25, 10))])
        #expect(workspace.sheet.row(lead)?[.status] == LeadStatus.qualified.rawValue)
        #expect(workspace.sheet.current?.contents.rows.count == 1)
    }

    @Test func aLeadClosesForNoResponseOnlyAfterItsAttemptsAndAQuietWindow() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(at: Fixtures.central(20, 16, 30), [Fixtures.missed("f1", from: Self.caller, at: Fixtures.central(20, 16, 20))])
        let lead = try #require(workspace.leadID(phone: Self.caller))
        try workspace.sync(at: Fixtures.central(20, 17), [Fixtures.unanswered("o1", to: Self.caller, at: Fixtures.central(20, 16, 50))])
        #expect(workspace.sheet.row(lead)?[.status] == LeadStatus.awaitingReply.rawValue)

        try workspace.sync(at: Fixtures.central(23, 9, 30), [Fixtures.unanswered("o2", to: Self.caller, at: Fixtures.central(23, 9))])
        #expect(workspace.sheet.row(lead)?[.status] == LeadStatus.awaitingReply.rawValue)
        try workspace.sync(at: Fixtures.central(26, 8))
        #expect(workspace.sheet.row(lead)?[.status] == LeadStatus.awaitingReply.rawValue, "72 h have not passed since the last attempt")
        try workspace.sync(at: Fixtures.central(26, 10))
        #expect(workspace.sheet.row(lead)?[.status] == LeadStatus.closedNoResponse.rawValue)
        #expect(workspace.calendar.events.values.filter { $0.event.leadID == lead }.allSatisfy { $0.event.cancelled })
    }

    @Test func dueByCountsFromTheFirstMissedCall() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(
            at: Fixtures.central(20, 15),
            [
                Fixtures.missed("f1", from: Self.caller, at: Fixtures.central(20, 9)),
                Fixtures.missed("f2", from: Self.caller, at: Fixtures.central(20, 14)),
            ])
        let lead = try #require(workspace.leadID(phone: Self.caller))
        let time = LocalTimeText(zone: Fixtures.zone)
        #expect(workspace.sheet.row(lead)?[.dueBy] == time.format(Fixtures.central(20, 10)))
    }

    @Test func anAnsweredCallbackQualifiesAnEmergencyInsteadOfLeavingItInReview() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(
            at: Fixtures.central(20, 9, 10),
            [Fixtures.missed("f1", from: Self.caller, at: Fixtures.central(20, 9), voicemail: "We have no heat at all")])
        let lead = try #require(workspace.leadID(phone: Self.caller))
        #expect(workspace.sheet.row(lead)?[.status] == LeadStatus.staffReview.rawValue)
        try workspace.sync(at: Fixtures.central(20, 9, 30), [Fixtures.answered("o1", with: Self.caller, at: Fixtures.central(20, 9, 20))])
        #expect(workspace.sheet.row(lead)?[.status] == LeadStatus.qualified.rawValue)
        #expect(workspace.sheet.row(lead)?[.dueBy] == "")
    }

    /// The office reopens a lead the rules closed: its due-by counts from then, and the answered
    /// callback of the next day joins it although the window since its last call has passed.
    @Test func aReopenedLeadIsDueFromNowAndTakesLaterCalls() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(
            at: Fixtures.central(20, 16, 30),
            [
                Fixtures.missed("f1", from: Self.caller, at: Fixtures.central(20, 16, 20)),
                Fixtures.unanswered("o1", to: Self.caller, at: Fixtures.central(20, 16, 40)),
                Fixtures.unanswered("o2", to: Self.caller, at: Fixtures.central(20, 16, 50)),
            ])
        let lead = try #require(workspace.leadID(phone: Self.caller))
        try workspace.sync(at: Fixtures.central(24, 10))
        #expect(workspace.sheet.row(lead)?[.status] == LeadStatus.closedNoResponse.rawValue)

        workspace.sheet.type(LeadStatus.newMissedCall.rawValue, lead: lead, column: .status)
        let reopened = Fixtures.central(24, 11)
        try workspace.sync(at: reopened)
        let time = LocalTimeText(zone: Fixtures.zone)
        #expect(workspace.sheet.row(lead)?[.dueBy] == time.format(Fixtures.central(24, 12)))
        try workspace.sync(at: Fixtures.central(24, 15))
        #expect(workspace.sheet.row(lead)?[.dueBy] == time.format(Fixtures.central(24, 12)), "the due-by does not move with each run")

        let plan = try workspace.sync(at: Fixtures.central(25, 10), [Fixtures.answered("o3", with: Self.caller, at: Fixtures.central(25, 9))])
        #expect(plan.sheets[0].pins.contains { $0.leadID == lead && $0.column == .status && $0.wanted == LeadStatus.qualified.rawValue })
        #expect(workspace.sheet.row(lead)?[.status] == LeadStatus.newMissedCall.rawValue, "the office's status still wins")
    }

    /// The office closed a lead; a new voicemail from the same caller an hour later is a new lead.
    @Test func aNewVoicemailAfterTheOfficeClosedALeadOpensANewOne() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(
            at: Fixtures.central(20, 9, 30),
            [
                Fixtures.missed("f1", from: Self.caller, at: Fixtures.central(20, 9)),
                Fixtures.missed("f2", from: Self.caller, at: Fixtures.central(20, 9, 10)),
            ])
        let closed = try #require(workspace.leadID(phone: Self.caller))
        workspace.sheet.type(LeadStatus.closedNotAFit.rawValue, lead: closed, column: .status)

        let plan = try workspace.sync(
            at: Fixtures.central(20, 11),
            [Fixtures.missed("f3", from: Self.caller, at: Fixtures.central(20, 10), voicemail: "Water leaking under the sink")])
        let rows = try #require(workspace.sheet.current?.contents.rows)
        let leads = rows.values.filter { $0.cells[.phone] == Self.caller }
        #expect(leads.count == 2)
        let opened = try #require(leads.first { $0.leadID != closed })
        #expect(opened.cells[.status] == LeadStatus.newMissedCall.rawValue)
        #expect(opened.cells[.why]?.hasPrefix("New lead: \(closed) was closed by the office") == true)
        #expect(rows[closed]?.cells[.attempts] == "2")
        #expect(plan.sheets[0].notes.contains { $0.contains("\(opened.leadID) is a new lead: \(closed) was closed by the office") })
        #expect(workspace.calendar.events.values.contains { $0.event.leadID == opened.leadID && !$0.event.cancelled })

        let again = try workspace.sync(at: Fixtures.central(20, 12))
        #expect(!again.hasChanges)
        #expect(!again.sheets[0].notes.contains { $0.contains("is a new lead") }, "said once, when the lead is made")
        #expect(workspace.sheet.current?.contents.rows.values.filter { $0.cells[.phone] == Self.caller }.count == 2)
    }

    @Test func everyRunIsRecordedInTheSheetWithItsRejects() throws {
        let workspace = EngineWorkspace()
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        workspace.source.add([], rejects: [RecordReject(file: "calls.csv", location: "line 7", reason: "the start time is not a time")])
        try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(600))
        let reports = workspace.sheet.reports
        #expect(reports.count == 2)
        #expect(reports.map(\.newCalls) == [3, 0])
        #expect(reports[1].rejects.map(\.location) == ["line 7"])
        #expect(reports[1].summary.contains("1 record rejected"))
    }
}
