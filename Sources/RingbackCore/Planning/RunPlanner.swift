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
        /// Rows the last run was writing when it stopped (the journal).
        public var pending: [String: SyncedRow]

        public init(
            label: String, contents: SheetContents, remembered: TargetState, notes: [String] = [], lists: [ListKind: ContactListTable] = [:],
            pending: [String: SyncedRow] = [:]
        ) {
            self.label = label
            self.contents = contents
            self.remembered = remembered
            self.notes = notes
            self.lists = lists
            self.pending = pending
        }
    }

    /// A calendar as opened this run.
    public struct CalendarInput: Sendable {
        public var label: String
        public var remembered: [String: SyncedEvent]
        public var found: [String: FoundEvent]
        /// `found` is the whole calendar as it is now: what the crew changed is followed.
        public var readsBack: Bool

        public init(label: String, remembered: [String: SyncedEvent], found: [String: FoundEvent] = [:], readsBack: Bool = false) {
            self.label = label
            self.remembered = remembered
            self.found = found
            self.readsBack = readsBack
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
        /// The business the state was written for, if any.
        public var storedBusiness: String?
        /// Take a sheet the state does not match as it is (`ringback sync --adopt`).
        public var adopt = false
        /// The crew calendars as read this run (busy spans and jobs); nil when no booking rules are set.
        public var crew: CrewAvailability?
        /// Keys of pulled calls the ledger already holds for a frozen lead (a new export that repeats
        /// old calls): they are neither new nor planned again.
        public var frozenCallKeys: Set<String> = []
        /// Frozen leads whose events the calendars still show: left as they are, never taken as unwanted.
        public var frozenLeads: Set<String> = []

        public init(
            pulls: [SourcePull], ledger: [Call], anchors: [String: String], sheet: SheetInput?, calendars: [CalendarInput], now: Date,
            renamedTargets: [String: String] = [:]
        ) {
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
        public var silences: [SourceSilence]
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

    public func plan(_ input: Input) throws -> Output {
        let pulled = input.pulls.flatMap(\.calls).filter { !input.frozenCallKeys.contains($0.key) }
        let newCalls = CallDeduplication.newCalls(pulled, known: input.ledger)
        let updatedCalls = CallDeduplication.updatedCalls(pulled, known: input.ledger)
        let updates = Dictionary(updatedCalls.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let ledger = updates.isEmpty ? input.ledger : input.ledger.map { updates[$0.key] ?? $0 }
        let base =
            input.sheet.map { JournalRecovery.base(remembered: $0.remembered.rows, pending: $0.pending, found: $0.contents, same: sameCell) } ?? [:]
        let leads = LeadBuilder(rules: rules, work: work).leads(
            from: ledger + newCalls, anchors: input.anchors, holds: Self.holds(input.sheet?.contents, base: base))
        let (lists, warnings) = try mergedLists(input.sheet?.lists ?? [:])
        var rules = self.rules
        rules.lists = lists

        try checkOwnership(input, leads: leads)
        let failures = input.pulls.compactMap(\.failure)
        let silences = input.pulls.compactMap(\.silence)
        var plan = SyncPlan(ingest: summary(input.pulls, newCalls: newCalls.count, leads: leads.count))
        var commit = ingestCommit(input, newCalls: newCalls, updatedCalls: updatedCalls, leads: leads)

        let followed = CalendarMoves(input.calendars.map { Self.withoutFrozen($0, input.frozenLeads) })
        let evaluated = LeadEvaluation(rules: rules, time: time, work: work)
            .evaluate(leads, sheet: input.sheet?.contents, base: base, now: input.now, crew: input.crew, moves: Self.crewMoves(followed))
        if let sheet = input.sheet {
            var sheetPlan = SheetPlanner(time: time).plan(
                target: sheet.label, desired: evaluated.desiredRows, current: sheet.contents,
                base: base, syncedAt: time.format(input.now),
                archive: rules.archiveAfterDays.map { ArchiveRule(afterDays: $0, now: input.now, time: time) })
            sheetPlan.notes =
                sheet.notes + recoveryNotes(sheet) + OrphanRows.notes(remembered: base, leads: leads) + evaluated.notes
                + failures.map(\.description) + silences.map(\.description) + evaluated.notices + crewNotes(input.crew)
            record(recovered: sheet, base: base, in: &sheetPlan)
            if !sheet.pending.isEmpty { commit.settledTargets.insert(sheet.label) }
            commit.targetChanges[sheet.label] = sheetPlan.stateChange
            commit.frozen = Self.frozen(leads, archived: sheetPlan, base: base)
            plan.sheets.append(sheetPlan)
        }
        for calendarPlan in calendarPlans(followed, events: evaluated.events, now: input.now) {
            commit.targetChanges[calendarPlan.target] = calendarPlan.stateChange
            plan.calendars.append(calendarPlan)
        }
        commit.run.summary = plan.summaryLine
        return Output(
            plan: plan, commit: commit, rejects: input.pulls.flatMap(\.rejects), failures: failures, silences: silences,
            warnings: warnings)
    }

    /// What reading records: files read, calls new and updated, watermarks, the anchors of new leads.
    private func ingestCommit(_ input: Input, newCalls: [Call], updatedCalls: [Call], leads: [Lead]) -> StateCommit {
        var commit = StateCommit(run: RunRecord(startedAt: input.now, finishedAt: input.now, summary: ""))
        commit.processedFiles = input.pulls.flatMap(\.processedFiles)
        commit.renamedTargets = input.renamedTargets
        if input.storedBusiness != rules.businessName { commit.business = rules.businessName }
        commit.newCalls = newCalls
        commit.updatedCalls = updatedCalls
        for pull in input.pulls {
            if let watermark = pull.watermark { commit.watermarks[pull.source] = watermark }
        }
        for lead in leads where input.anchors[lead.missedCalls[0].key] == nil {
            commit.leadAnchors[lead.missedCalls[0].key] = lead.id
        }
        return commit
    }

    /// The leads whose rows are in the archive once this run is applied: archived now or before (a state
    /// from before leads were frozen freezes them on its first run).
    private static func frozen(_ leads: [Lead], archived plan: SheetPlan, base: [String: SyncedRow]) -> [FrozenLead] {
        let archivedNow = Set(plan.archives.map(\.leadID))
        guard !archivedNow.isEmpty || base.values.contains(where: \.archived) else { return [] }
        return leads.filter { archivedNow.contains($0.id) || base[$0.id]?.archived == true }.map(FrozenLead.init)
    }

    private static func withoutFrozen(_ calendar: CalendarInput, _ frozen: Set<String>) -> CalendarInput {
        guard !frozen.isEmpty else { return calendar }
        var live = calendar
        live.found = calendar.found.filter { !frozen.contains($0.value.event.leadID) }
        return live
    }

    /// Leads whose job the crew moved (new start) or removed (nil), in the calendars read back; the
    /// first calendar's word wins.
    private static func crewMoves(_ followed: CalendarMoves) -> [String: Date?] {
        var moves: [String: Date?] = [:]
        for calendar in followed.calendars.reversed() where calendar.readsBack {
            moves.merge(CrewEdits(base: calendar.remembered, found: calendar.found).appointments(base: calendar.remembered)) { _, first in first }
        }
        return moves
    }

    /// Each calendar's plan, with the events the crew moved between Ringback's calendars followed.
    private func calendarPlans(_ followed: CalendarMoves, events: [CalendarEvent], now: Date) -> [CalendarPlan] {
        var plans = followed.calendars.map { calendar in
            CalendarPlanner().plan(
                target: calendar.label, desired: events, base: calendar.remembered,
                found: calendar.found, readsBack: calendar.readsBack, now: now)
        }
        followed.record(in: &plans)
        return plans
    }

    /// The office's holds on leads' later calls, from the statuses it typed.
    private static func holds(_ contents: SheetContents?, base: [String: SyncedRow]) -> [String: OfficeHold] {
        var holds: [String: OfficeHold] = [:]
        // An archived lead takes no new missed call: the caller's next one is a lead of its own.
        for (id, row) in base where row.archived {
            holds[id] = .closed(seenMissedCalls: Int(row.cells.text(.attempts)) ?? Int.max)
        }
        guard let contents else { return holds }
        for (id, row) in contents.rows {
            if let remembered = base[id], let hold = OfficeInputReader.hold(row: row, remembered: remembered) { holds[id] = hold }
        }
        return holds
    }

    /// Whether two texts of a column are the same value: times compare as times, as the planner does.
    private var sameCell: @Sendable (SheetColumn, String, String) -> Bool {
        let time = self.time
        return { column, a, b in a == b || (column.isTime && time.sameTime(a, b)) }
    }

    /// Stops a run whose state is not this business's, or is older than the sheet: rows of leads the
    /// state never wrote (and no journal explains) mean a stale backup or another sheet's state.
    private func checkOwnership(_ input: Input, leads: [Lead]) throws(StateMismatch) {
        guard !input.adopt else { return }
        if let stored = input.storedBusiness, stored != rules.businessName {
            throw StateMismatch(.business(stored: stored, configured: rules.businessName))
        }
        // A state from before the journal existed (no business recorded) may lack the rows of a run
        // that died after writing: those are adopted, as that release did.
        guard input.storedBusiness != nil, let sheet = input.sheet, !sheet.remembered.rows.isEmpty else { return }
        let unknown = leads.map(\.id).filter {
            sheet.contents.rows[$0] != nil && sheet.remembered.rows[$0] == nil && sheet.pending[$0] == nil
        }
        if !unknown.isEmpty {
            throw StateMismatch(.unknownRows(target: sheet.label, count: unknown.count, examples: Array(unknown.sorted().prefix(3))))
        }
    }

    /// A crew calendar that could not be read is the office's to see: no window is offered from it.
    private func crewNotes(_ crew: CrewAvailability?) -> [String] {
        (crew?.unreadable ?? [:]).sorted { $0.key < $1.key }.map {
            "crew calendar `\($0.key)` could not be read, so it offers no window: \($0.value)"
        }
            + (crew?.problems ?? [])
    }

    private func recoveryNotes(_ sheet: SheetInput) -> [String] {
        let written = sheet.pending.keys.filter { sheet.contents.rows[$0] != nil }.count
        guard !sheet.pending.isEmpty else { return [] }
        return [
            "the last run stopped while writing: \(written) of its \(sheet.pending.count) rows reached the sheet; they are recognised from its journal, office edits since are kept"
        ]
    }

    /// Rows recovered from the journal are recorded even when this run changes nothing in them.
    private func record(recovered sheet: SheetInput, base: [String: SyncedRow], in plan: inout SheetPlan) {
        let upserted = Set(plan.stateChange.upsertRows.map(\.leadID))
        for id in sheet.pending.keys.sorted() where !upserted.contains(id) {
            if let row = base[id], row != sheet.remembered.rows[id] { plan.stateChange.upsertRows.append(row) }
        }
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
