import Foundation
import RingbackCore
import RingbackMapping
import RingbackOffline

/// One sync: pull and map new calls, build and classify leads, plan every target against its state,
/// then (separately) apply the plan and commit the state in one transaction.
public struct SyncEngine: Sendable {
    public let config: RingbackConfig
    public let store: any StateStoring
    public var progress: (@Sendable (String) -> Void)?

    public init(config: RingbackConfig, store: any StateStoring, progress: (@Sendable (String) -> Void)? = nil) {
        self.config = config
        self.store = store
        self.progress = progress
    }

    public var time: LocalTimeText { LocalTimeText(zone: config.rules.hours.zone) }

    public func prepare(now: Date) throws -> PreparedRun {
        let ingest = try CallIngest(config: config, store: store, now: now, progress: progress).run()
        let ledger = try store.calls(since: nil)
        var newCalls: [Call] = ingest.calls
        if !ledger.isEmpty {
            let known = Set(ledger.map(\.key))
            newCalls = ingest.calls.filter { !known.contains($0.key) }
        }
        progress?("building leads from \(ledger.count + newCalls.count) calls")
        let anchors = try store.leadAnchors()
        let leads = LeadBuilder(rules: config.rules).leads(from: ledger + newCalls, anchors: anchors)

        var summary = ingest.summary
        summary.newCalls = newCalls.count
        summary.leads = leads.count
        var plan = SyncPlan(ingest: summary)
        var commit = StateCommit(processedFiles: ingest.processedFiles, newCalls: newCalls, watermarks: ingest.watermarks,
                                 run: RunRecord(startedAt: now, finishedAt: now, summary: ""))
        for lead in leads where anchors[lead.missedCalls[0].key] == nil {
            commit.leadAnchors[lead.missedCalls[0].key] = lead.id
        }

        let (sheet, sheetState) = try loadSheet()

        progress?("classifying \(leads.count) leads")
        let contents = sheet?.1.contents
        let evaluated = LeadEvaluator(rules: config.rules, time: time)
            .evaluate(leads, sheet: contents, base: sheetState.rows, now: now)

        if let (target, document) = sheet, let contents {
            let time = self.time
            let planner = SheetPlanner { column, a, b in
                (SheetColumn(rawValue: column)?.isTime ?? false) && time.sameTime(a, b)
            }
            var sheetPlan = planner.plan(target: target.path, desired: evaluated.desiredRows, current: contents,
                                         base: sheetState.rows, syncedAt: time.format(now))
            sheetPlan.notes = sheetNotes(document: document, remembered: sheetState.rows, leads: leads) + evaluated.notes
                + ingest.pullFailures.map(\.description)
            commit.targetChanges[target.path] = sheetPlan.stateChange
            plan.sheets.append(sheetPlan)
        }

        var calendars: [(ICSCalendarTarget, [String: SyncedEvent])] = []
        for case .icsCalendar(let path, let name) in config.targets {
            let target = ICSCalendarTarget(path: path, name: name)
            let base = try store.targetState(path).events
            let found: [String: FoundEvent]
            do {
                found = try target.load()
            } catch {
                throw SyncError.io(error.path, error.message)
            }
            let calendarPlan = CalendarPlanner().plan(target: path, desired: evaluated.events, base: base, found: found, now: now)
            commit.targetChanges[path] = calendarPlan.stateChange
            plan.calendars.append(calendarPlan)
            calendars.append((target, base))
        }

        commit.run.summary = plan.summaryLine
        return PreparedRun(plan: plan, rejects: ingest.rejects, sheet: sheet, calendars: calendars, commit: commit,
                           pullFailures: ingest.pullFailures)
    }

    /// The sheet target's file and remembered state; a file that went missing is rebuilt from the state.
    private func loadSheet() throws -> ((CSVSheetTarget, CSVSheetDocument)?, TargetState) {
        guard let path = config.targets.lazy.compactMap({ target -> String? in
            if case .csvSheet(let path) = target { return path } else { return nil }
        }).first else { return (nil, .empty) }
        let target = CSVSheetTarget(path: path)
        var document: CSVSheetDocument
        do {
            document = try target.load()
        } catch {
            throw SyncError.io(error.path, error.message)
        }
        let state = try store.targetState(path)
        if !document.exists && state.rows.values.contains(where: { !$0.deletedByOffice }) {
            document = .restored(from: Array(state.rows.values))
        }
        return ((target, document), state)
    }

    /// What the plan should tell the office about the sheet as a whole.
    private func sheetNotes(document: CSVSheetDocument, remembered: [String: SyncedRow], leads: [Lead]) -> [String] {
        var notes: [String] = []
        if document.restored {
            notes.append("the sheet file was missing or empty: \(document.rows.count) rows restored from the last sync, with the office's edits, notes and appointments")
        }
        let current = Set(leads.map(\.id))
        let orphaned = remembered.values.filter { !$0.deletedByOffice && !current.contains($0.leadID) }.map(\.leadID).sorted()
        for id in orphaned.prefix(20) {
            notes.append("\(id) no longer matches a lead (a later call joined its calls to another lead); its row is left as it is")
        }
        if orphaned.count > 20 { notes.append("\(orphaned.count - 20) more rows no longer match a lead") }
        return notes
    }

    /// Writes the targets, then records the state. A run killed in between is repaired by the next one:
    /// rows and events already written are recognised by Lead ID and UID, never duplicated.
    /// An API source that stopped part-way is reported after the rest is applied (`SyncError.pull`, exit 5),
    /// so the sheet still gets every call that was read and cron still sees the failure.
    public func apply(_ run: PreparedRun, finishedAt: Date, beforeCommit: () -> Void = {}) throws {
        try write(run, finishedAt: finishedAt, beforeCommit: beforeCommit)
        if !run.pullFailures.isEmpty { throw SyncError.pull(run.pullFailures) }
    }

    private func write(_ run: PreparedRun, finishedAt: Date, beforeCommit: () -> Void) throws {
        guard run.writesAnything else { return }
        do {
            if let (target, document) = run.sheet, let sheetPlan = run.plan.sheets.first {
                try target.apply(sheetPlan, to: document)
            }
            for ((target, base), calendarPlan) in zip(run.calendars, run.plan.calendars) {
                try target.apply(calendarPlan, base: base)
            }
            if !run.rejects.isEmpty {
                try RejectsFile(path: config.rejectsPath).append(run.rejects, at: finishedAt)
            }
        } catch {
            throw SyncError.io(error.path, error.message)
        }
        beforeCommit()
        var commit = run.commit
        commit.run.finishedAt = finishedAt
        try store.commit(commit)
    }
}
