import Foundation
import RingbackCore
import RingbackParallel

/// One sync: read every source, the state and every target; plan in the core (`RunPlanner`); then,
/// separately, apply the plan and commit the state in one transaction. The engine knows sources and
/// targets only by their protocols.
package struct SyncEngine: Sendable {
    package let sources: [any CallSource]
    package let sheet: (any SheetTarget)?
    package let calendars: [any CalendarTarget]
    package let store: any StateStoring
    package let planner: RunPlanner
    /// Where rejected records are appended for the office; nil keeps them in the plan only.
    package let rejectsPath: String?
    /// Where each applied run appends its status line; nil for none.
    package var statusPath: String?
    package var progress: (@Sendable (String) -> Void)?
    /// Take a sheet the state does not match as it is (`ringback sync --adopt`).
    package var adopt = false
    /// The crews' own calendars, read for offered windows and the jobs booked there (with `booking:` rules).
    package var crewCalendars: [any CrewCalendarSource] = []
    /// The field-service tools the office books jobs in (`kind: bookings`): their jobs book open leads
    /// by the crew calendars' rule, with or without `booking:` rules.
    package var bookingSources: [any BookingSource] = []

    package init(
        sources: [any CallSource], sheet: (any SheetTarget)?, calendars: [any CalendarTarget], store: any StateStoring,
        planner: RunPlanner, rejectsPath: String?, progress: (@Sendable (String) -> Void)? = nil
    ) {
        self.sources = sources
        self.sheet = sheet
        self.calendars = calendars
        self.store = store
        self.planner = planner
        self.rejectsPath = rejectsPath
        self.progress = progress
    }

    package var time: LocalTimeText { planner.time }

    /// Reads everything and plans; nothing is written. The sheet is read on its own thread while the
    /// sources and the state are read on this one.
    package func prepare(now: Date) throws -> PreparedRun {
        let sheetRead = BackgroundWork { [self] in try openSheet() }
        let pulls = try sources.map { source in try source.pull(store, now: now).lineSafe() }
        let ledger = try store.liveCalls()
        let anchors = try store.leadAnchors()
        var renamed: [String: String] = [:]
        let openCalendars = try calendars.map { calendar in
            let remembered = try state(of: calendar.label, formerly: calendar.formerLabels, renamed: &renamed).events
            let readState = try store.calendarReadState(calendar.label)
            let frozen = calendar.setsFrozenEventsApart ? try store.frozenEventUIDs(calendar.label) : []
            return (
                label: calendar.label, remembered: remembered, readState: readState,
                open: try calendar.open(remembered: remembered, readState: readState, frozenUIDs: frozen)
            )
        }
        let sheet = try sheetRead.value()
        if let sheet, let former = sheet.formerLabel { renamed[former] = sheet.target.label }
        progress?("planning \(ledger.count) known and \(pulls.reduce(0) { $0 + $1.calls.count }) pulled calls")
        var input = RunPlanner.Input(
            pulls: pulls, ledger: ledger, anchors: anchors,
            sheet: sheet.map {
                RunPlanner.SheetInput(
                    label: $0.target.label, contents: $0.open.contents, remembered: $0.remembered,
                    notes: $0.open.notes, lists: $0.open.lists, pending: $0.pending)
            },
            calendars: openCalendars.map {
                RunPlanner.CalendarInput(label: $0.label, remembered: $0.remembered, found: $0.open.found, readsBack: $0.open.readsBack)
            },
            now: now, renamedTargets: renamed)
        input.storedBusiness = try store.business()
        input.frozenCallKeys = try store.frozenCallKeys(among: pulls.flatMap(\.calls))
        input.frozenLeads = try store.frozenLeads(among: Self.unremembered(openCalendars.map { ($0.remembered, $0.open.found) }))
        input.adopt = adopt
        input.crew = readCrewCalendars(now: now)
        let bookings = try bookingSources.map { source in try source.pull(store, now: now) }
        let booked = bookings.flatMap(\.jobs)
        let failed = bookings.compactMap(\.failure)
        if !booked.isEmpty || !failed.isEmpty {
            var crew = input.crew ?? CrewAvailability()
            crew.jobs += booked
            // The office sees a failed bookings source in the sheet, and no job it did not bring is taken as removed.
            crew.problems += failed.map(\.description)
            crew.jobsIncomplete = crew.jobsIncomplete || !failed.isEmpty
            input.crew = crew
        }
        var output = try planner.plan(input)
        for pull in bookings {
            output.rejects += pull.rejects
            if let failure = pull.failure { output.failures.append(failure) }
            if let watermark = pull.watermark, pull.failure == nil { output.commit.watermarks[pull.source] = watermark }
        }
        for calendar in openCalendars {
            if let read = calendar.open.readState, read != calendar.readState { output.commit.calendarReadStates[calendar.label] = read }
        }
        var run = PreparedRun(output: output, sheet: sheet?.open, calendars: openCalendars.map { ($0.label, $0.open) })
        run.bookings = bookings
        run.warnings += pulls.flatMap { pull in pull.warnings.map { "source \(pull.source): \($0)" } }
        return run
    }

    /// Busy spans up to the end of the booking horizon, and jobs from two weeks back (a lead booked a
    /// while ago is still seen as booked); nil without booking rules.
    private func readCrewCalendars(now: Date) -> CrewAvailability? {
        guard let booking = planner.rules.booking, !crewCalendars.isEmpty else { return nil }
        progress?("reading \(crewCalendars.reduce(0) { $0 + $1.crews.count }) crew calendars")
        let zone = booking.hours.zone
        let to = zone.date(from: zone.components(of: now).startOfDay.addingDays(booking.horizonDays + 1))
        var reading = CrewAvailability.merged(crewCalendars.map { $0.read(from: now.addingTimeInterval(-14 * 86400), to: to) })
        reading.readUntil = to
        return reading
    }

    private func openSheet() throws
        -> (target: any SheetTarget, open: any OpenSheet, remembered: TargetState, formerLabel: String?, pending: [String: SyncedRow])?
    {
        guard let sheet else { return nil }
        progress?("reading \(sheet.label)")
        var renamed: [String: String] = [:]
        let remembered = try state(of: sheet.label, formerly: sheet.formerLabels, renamed: &renamed)
        let pending = try store.pendingRows(sheet.label)
        // The target reads its own cut cells back against what was last written, the journal included.
        var written = remembered
        written.rows.merge(pending) { _, journaled in journaled }
        return (sheet, try sheet.open(remembered: written), remembered, renamed.keys.first, pending)
    }

    /// Leads of events a calendar shows that its remembered state does not hold: an interrupted run's, or
    /// a frozen lead's.
    private static func unremembered(_ calendars: [(remembered: [String: SyncedEvent], found: [String: FoundEvent])]) -> Set<String> {
        var leads: Set<String> = []
        for calendar in calendars {
            for (uid, found) in calendar.found where calendar.remembered[uid] == nil { leads.insert(found.event.leadID) }
        }
        return leads
    }

    /// A target's remembered state; one an earlier release recorded under a former label is read from
    /// there, and the commit moves it to the current label.
    private func state(of label: String, formerly former: [String], renamed: inout [String: String]) throws -> TargetState {
        let current = try store.liveTargetState(label)
        guard current == .empty else { return current }
        for old in former {
            let state = try store.liveTargetState(old)
            if state != .empty {
                renamed[old] = label
                return state
            }
        }
        return current
    }

    /// Writes the targets, then records the state. A run killed in between is repaired by the next one:
    /// rows and events already written are recognised by Lead ID and UID, never duplicated.
    /// A source that stopped part-way is reported after the rest is applied (`SyncError.pull`, exit 5),
    /// so the sheet still gets every call that was read and cron still sees the failure.
    /// Returns what the run noticed while writing and left for the next run (events the crew changed meanwhile).
    @discardableResult
    package func apply(_ run: PreparedRun, finishedAt: Date, beforeCommit: () -> Void = {}) throws -> [String] {
        var notices = try write(run, finishedAt: finishedAt, beforeCommit: beforeCommit)
        let problems = run.plan.sheets.reduce(0) { $0 + $1.notes.count } + run.failures.count
        let report = RunReport(plan: run.plan, problems: problems, rejects: run.rejects, finishedAt: time.format(finishedAt))
        // The run is recorded by now: a status tab that cannot be written is told, not a failed run.
        do {
            try run.sheet?.record(report)
        } catch {
            notices.append("the run's line could not be added to the sheet's status tab: \(error)")
        }
        if let statusPath {
            do {
                try RunStatusFile(path: statusPath).append(report)
            } catch {
                throw SyncError.io(error.path, error.message)
            }
        }
        if !run.failures.isEmpty { throw SyncError.pull(run.failures) }
        return notices
    }

    private func write(_ run: PreparedRun, finishedAt: Date, beforeCommit: () -> Void) throws -> [String] {
        guard run.writesAnything else { return [] }
        var notices: [String] = []
        var commit = run.commit
        if let sheet = run.sheet, let sheetPlan = run.plan.sheets.first {
            if sheetPlan.writesTarget {
                try store.recordPendingRows(sheetPlan.stateChange.upsertRows, target: sheetPlan.target)
                commit.settledTargets.insert(sheetPlan.target)
            }
            try sheet.apply(sheetPlan)
        }
        var refusal: (any Error)?
        for ((label, calendar), calendarPlan) in zip(run.calendars, run.plan.calendars) {
            let result = try calendar.apply(calendarPlan)
            if let read = result.readState { commit.calendarReadStates[label] = read }
            if !result.conflicts.isEmpty {
                // Changed by the crew between the read and the write: the next run reads their version and plans again.
                commit.targetChanges[label]?.upsertEvents.removeAll { result.conflicts.contains($0.uid) }
                notices.append(
                    "\(result.conflicts.count) event\(result.conflicts.count == 1 ? "" : "s") in \(label) changed on the server while this run wrote; not overwritten, read again next run: \(result.conflicts.sorted().prefix(3).joined(separator: ", "))"
                )
            }
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
        // Kept before the watermark moves: a run stopped in between reads the same jobs again and merges them.
        for pull in run.bookings {
            guard let source = bookingSources.first(where: { $0.name == pull.source }) else { continue }
            do {
                try source.remember(pull)
            } catch {
                throw SyncError.io(pull.source, "the jobs read could not be kept: \(error)")
            }
        }
        try store.commit(commit)
        if let refusal { throw refusal }
        return notices
    }
}
