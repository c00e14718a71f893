import Foundation
import RingbackCore
import RingbackParallel

/// One sync: read every source, the state and every target; plan in the core (`RunPlanner`); then,
/// separately, apply the plan and commit the state in one transaction. The engine knows sources and
/// targets only by their protocols.
public struct SyncEngine: Sendable {
    public let sources: [any CallSource]
    public let sheet: (any SheetTarget)?
    public let calendars: [any CalendarTarget]
    public let store: any StateStoring
    public let planner: RunPlanner
    /// Where rejected records are appended for the office; nil keeps them in the plan only.
    public let rejectsPath: String?
    public var progress: (@Sendable (String) -> Void)?

    public init(sources: [any CallSource], sheet: (any SheetTarget)?, calendars: [any CalendarTarget], store: any StateStoring,
                planner: RunPlanner, rejectsPath: String?, progress: (@Sendable (String) -> Void)? = nil) {
        self.sources = sources
        self.sheet = sheet
        self.calendars = calendars
        self.store = store
        self.planner = planner
        self.rejectsPath = rejectsPath
        self.progress = progress
    }

    public var time: LocalTimeText { planner.time }

    /// Reads everything and plans; nothing is written. The sheet is read on its own thread while the
    /// sources and the state are read on this one.
    public func prepare(now: Date) throws -> PreparedRun {
        let sheetRead = BackgroundWork { [self] in try openSheet() }
        let pulls = try sources.map { source in try source.pull(store, now: now).lineSafe() }
        let ledger = try store.calls(since: nil)
        let anchors = try store.leadAnchors()
        let openCalendars = try calendars.map { calendar in
            let remembered = try store.targetState(calendar.label).events
            return (label: calendar.label, remembered: remembered, open: try calendar.open(remembered: remembered))
        }
        let sheet = try sheetRead.value()
        progress?("planning \(ledger.count) known and \(pulls.reduce(0) { $0 + $1.calls.count }) pulled calls")
        let input = RunPlanner.Input(
            pulls: pulls, ledger: ledger, anchors: anchors,
            sheet: sheet.map { RunPlanner.SheetInput(label: $0.target.label, contents: $0.open.contents, remembered: $0.remembered,
                                                     notes: $0.open.notes, lists: $0.open.lists) },
            calendars: openCalendars.map { RunPlanner.CalendarInput(label: $0.label, remembered: $0.remembered, found: $0.open.found) },
            now: now)
        let output = try planner.plan(input)
        return PreparedRun(output: output, sheet: sheet?.open, calendars: openCalendars.map { ($0.label, $0.open) })
    }

    private func openSheet() throws -> (target: any SheetTarget, open: any OpenSheet, remembered: TargetState)? {
        guard let sheet else { return nil }
        progress?("reading \(sheet.label)")
        let remembered = try store.targetState(sheet.label)
        return (sheet, try sheet.open(remembered: remembered), remembered)
    }

    /// Writes the targets, then records the state. A run killed in between is repaired by the next one:
    /// rows and events already written are recognised by Lead ID and UID, never duplicated.
    /// A source that stopped part-way is reported after the rest is applied (`SyncError.pull`, exit 5),
    /// so the sheet still gets every call that was read and cron still sees the failure.
    public func apply(_ run: PreparedRun, finishedAt: Date, beforeCommit: () -> Void = {}) throws {
        try write(run, finishedAt: finishedAt, beforeCommit: beforeCommit)
        if !run.failures.isEmpty { throw SyncError.pull(run.failures) }
    }

    private func write(_ run: PreparedRun, finishedAt: Date, beforeCommit: () -> Void) throws {
        guard run.writesAnything else { return }
        if let sheet = run.sheet, let sheetPlan = run.plan.sheets.first {
            try sheet.apply(sheetPlan)
        }
        var commit = run.commit
        var refusal: (any Error)?
        for ((label, calendar), calendarPlan) in zip(run.calendars, run.plan.calendars) {
            let result = try calendar.apply(calendarPlan)
            guard !result.refusedUIDs.isEmpty else { continue }
            // The rest was written: record it, and leave the refused events for the next run to retry.
            commit.targetChanges[label]?.upsertEvents.removeAll { result.refusedUIDs.contains($0.uid) }
            refusal = result.refusal
        }
        if let rejectsPath, !run.rejects.isEmpty {
            do {
                try RejectsFile(path: rejectsPath).append(run.rejects, at: finishedAt)
            } catch {
                throw SyncError.io(error.path, error.message)
            }
        }
        beforeCommit()
        commit.run.finishedAt = finishedAt
        try store.commit(commit)
        if let refusal { throw refusal }
    }
}
