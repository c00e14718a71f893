import Foundation
import RingbackNormalisation

/// The pure middle of a run: from what the sources brought and what the state and the targets hold, to
/// the plan and the state commit that applying it records. Calls are de-duplicated, leads built,
/// list tabs merged over list files, leads classified with the office's input, and every target planned,
/// in one pass with no I/O.
public struct RunPlanner: Sendable {
    /// The sheet as opened this run.
    public struct SheetInput: Sendable {
        public var label: String
        public var contents: SheetContents
        public var remembered: TargetState
        public var notes: [String]
        public var lists: [ListKind: ContactListTable]

        public init(label: String, contents: SheetContents, remembered: TargetState, notes: [String] = [], lists: [ListKind: ContactListTable] = [:]) {
            self.label = label
            self.contents = contents
            self.remembered = remembered
            self.notes = notes
            self.lists = lists
        }
    }

    /// A calendar as opened this run.
    public struct CalendarInput: Sendable {
        public var label: String
        public var remembered: [String: SyncedEvent]
        public var found: [String: FoundEvent]

        public init(label: String, remembered: [String: SyncedEvent], found: [String: FoundEvent] = [:]) {
            self.label = label
            self.remembered = remembered
            self.found = found
        }
    }

    public struct Input: Sendable {
        /// Each source's pull, in config order.
        public var pulls: [SourcePull]
        public var ledger: [Call]
        public var anchors: [String: String]
        public var sheet: SheetInput?
        public var calendars: [CalendarInput]
        public var now: Date
        /// Targets whose state was found under a former label: old → new, moved in the commit.
        public var renamedTargets: [String: String]

        public init(pulls: [SourcePull], ledger: [Call], anchors: [String: String], sheet: SheetInput?, calendars: [CalendarInput], now: Date,
                    renamedTargets: [String: String] = [:]) {
            self.pulls = pulls
            self.ledger = ledger
            self.anchors = anchors
            self.sheet = sheet
            self.calendars = calendars
            self.now = now
            self.renamedTargets = renamedTargets
        }
    }

    public struct Output: Sendable {
        public var plan: SyncPlan
        public var commit: StateCommit
        public var rejects: [RecordReject]
        public var failures: [any SourceFailure]
        /// Worth fixing, not stopping the run (a list row whose phone cannot be read, …).
        public var warnings: [String]
    }

    public let rules: BusinessRules
    public let phones: PhoneNormaliser
    public let time: LocalTimeText
    public let work: any ChunkedWork

    public init(rules: BusinessRules, phones: PhoneNormaliser, work: any ChunkedWork = SerialWork()) {
        self.rules = rules
        self.phones = phones
        self.time = LocalTimeText(zone: rules.hours.zone)
        self.work = work
    }

    public func plan(_ input: Input) throws(ContactListError) -> Output {
        let pulled = input.pulls.flatMap(\.calls)
        let newCalls = CallDeduplication.newCalls(pulled, known: input.ledger)
        let leads = LeadBuilder(rules: rules, work: work).leads(from: input.ledger + newCalls, anchors: input.anchors)
        let (lists, warnings) = try mergedLists(input.sheet?.lists ?? [:])
        var rules = self.rules
        rules.lists = lists

        let failures = input.pulls.compactMap(\.failure)
        var plan = SyncPlan(ingest: summary(input.pulls, newCalls: newCalls.count, leads: leads.count))
        var commit = StateCommit(run: RunRecord(startedAt: input.now, finishedAt: input.now, summary: ""))
        commit.processedFiles = input.pulls.flatMap(\.processedFiles)
        commit.renamedTargets = input.renamedTargets
        commit.newCalls = newCalls
        for pull in input.pulls {
            if let watermark = pull.watermark { commit.watermarks[pull.source] = watermark }
        }
        for lead in leads where input.anchors[lead.missedCalls[0].key] == nil {
            commit.leadAnchors[lead.missedCalls[0].key] = lead.id
        }

        let evaluated = LeadEvaluation(rules: rules, time: time, work: work)
            .evaluate(leads, sheet: input.sheet?.contents, base: input.sheet?.remembered.rows ?? [:], now: input.now)
        if let sheet = input.sheet {
            var sheetPlan = SheetPlanner(time: time).plan(target: sheet.label, desired: evaluated.desiredRows, current: sheet.contents,
                                                          base: sheet.remembered.rows, syncedAt: time.format(input.now))
            sheetPlan.notes = sheet.notes + OrphanRows.notes(remembered: sheet.remembered.rows, leads: leads) + evaluated.notes
                + failures.map(\.description)
            commit.targetChanges[sheet.label] = sheetPlan.stateChange
            plan.sheets.append(sheetPlan)
        }
        for calendar in input.calendars {
            let calendarPlan = CalendarPlanner().plan(target: calendar.label, desired: evaluated.events, base: calendar.remembered,
                                                      found: calendar.found, now: input.now)
            commit.targetChanges[calendar.label] = calendarPlan.stateChange
            plan.calendars.append(calendarPlan)
        }
        commit.run.summary = plan.summaryLine
        return Output(plan: plan, commit: commit, rejects: input.pulls.flatMap(\.rejects), failures: failures, warnings: warnings)
    }

    /// The lists read from the sheet's tabs, over those read from files.
    private func mergedLists(_ tables: [ListKind: ContactListTable]) throws(ContactListError) -> (ContactLists, [String]) {
        var lists = rules.lists
        var warnings: [String] = []
        for kind in ListKind.allCases {
            guard let table = tables[kind], !table.header.isEmpty else { continue }
            let read = try table.entries(phones: phones)
            lists = lists.replacing(kind, with: read.entries)
            warnings += read.warnings
        }
        return (lists, warnings)
    }

    private func summary(_ pulls: [SourcePull], newCalls: Int, leads: Int) -> IngestSummary {
        var summary = IngestSummary()
        for pull in pulls {
            summary.filesRead += pull.filesRead
            summary.filesSkipped += pull.filesSkipped
            summary.records += pull.records
            summary.rejects += pull.rejects.count
        }
        summary.newCalls = newCalls
        summary.leads = leads
        return summary
    }
}
