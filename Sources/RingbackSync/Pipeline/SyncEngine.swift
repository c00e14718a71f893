import Foundation
import RingbackCore
import RingbackGoogle
import RingbackMapping
import RingbackOffline

/// One sync: pull and map new calls, build and classify leads, plan every target against its state,
/// then (separately) apply the plan and commit the state in one transaction.
/// The sheet target as read, with its remembered state.
typealias LoadedSheet = (driver: (any SheetTargetDriver)?, state: TargetState)

public struct SyncEngine: Sendable {
    public let config: RingbackConfig
    public let store: any StateStoring
    public var progress: (@Sendable (String) -> Void)?
    /// Clients for Google targets; nil builds them from the config when a Google target is configured.
    public var google: GoogleServices?

    public init(config: RingbackConfig, store: any StateStoring, progress: (@Sendable (String) -> Void)? = nil,
                google: GoogleServices? = nil) {
        self.config = config
        self.store = store
        self.progress = progress
        self.google = google
    }

    public var time: LocalTimeText { LocalTimeText(zone: config.rules.hours.zone) }

    public func prepare(now: Date) throws -> PreparedRun {
        let services = try googleServices()
        let sheetRead = BackgroundWork { [self] in try loadSheet(services) }
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

        let (sheet, sheetState) = try sheetRead.value()
        var rules = config.rules
        if let google = sheet as? GoogleSheetDriver, !config.listTabs.isEmpty {
            rules.lists = try lists(from: google.snapshot, into: rules.lists)
        }

        var summary = ingest.summary
        summary.newCalls = newCalls.count
        summary.leads = leads.count
        var plan = SyncPlan(ingest: summary)
        var commit = StateCommit(processedFiles: ingest.processedFiles, newCalls: newCalls, watermarks: ingest.watermarks,
                                 run: RunRecord(startedAt: now, finishedAt: now, summary: ""))
        for lead in leads where anchors[lead.missedCalls[0].key] == nil {
            commit.leadAnchors[lead.missedCalls[0].key] = lead.id
        }

        progress?("classifying \(leads.count) leads")
        let contents = sheet?.contents
        let evaluated = LeadEvaluator(rules: rules, time: time)
            .evaluate(leads, sheet: contents, base: sheetState.rows, now: now)

        if let sheet, let contents {
            let time = self.time
            let planner = SheetPlanner { column, a, b in
                (SheetColumn(rawValue: column)?.isTime ?? false) && time.sameTime(a, b)
            }
            var sheetPlan = planner.plan(target: sheet.label, desired: evaluated.desiredRows, current: contents,
                                         base: sheetState.rows, syncedAt: time.format(now))
            sheetPlan.notes = sheet.notes + orphanNotes(remembered: sheetState.rows, leads: leads) + evaluated.notes
                + ingest.pullFailures.map(\.description)
            commit.targetChanges[sheet.label] = sheetPlan.stateChange
            plan.sheets.append(sheetPlan)
        }

        var calendars: [any CalendarTargetDriver] = []
        for target in config.targets {
            let driver: any CalendarTargetDriver
            switch target {
            case .icsCalendar(let path, let name):
                driver = try ICSCalendarDriver(path: path, name: name, base: try store.targetState(path).events)
            case .googleCalendar(let routing):
                guard let services else { continue }
                let calendar = GoogleCalendarTarget(service: services.calendar, routing: routing, zone: config.rules.hours.zone)
                driver = GoogleCalendarDriver(target: calendar, base: try store.targetState(calendar.label).events)
            case .csvSheet, .googleSheet:
                continue
            }
            let calendarPlan = CalendarPlanner().plan(target: driver.label, desired: evaluated.events, base: driver.base,
                                                      found: driver.found, now: now)
            commit.targetChanges[driver.label] = calendarPlan.stateChange
            plan.calendars.append(calendarPlan)
            calendars.append(driver)
        }

        commit.run.summary = plan.summaryLine
        return PreparedRun(plan: plan, rejects: ingest.rejects, sheet: sheet, calendars: calendars, commit: commit,
                           pullFailures: ingest.pullFailures)
    }

    /// The clients for the configured Google targets, if any.
    private func googleServices() throws -> GoogleServices? {
        guard config.targets.contains(where: \.isGoogle) else { return nil }
        if let google { return google }
        guard let settings = config.google else { return nil }
        return try GoogleConnection.services(settings, progress: progress)
    }

    /// The sheet target, read, and its remembered state.
    private func loadSheet(_ services: GoogleServices?) throws -> LoadedSheet {
        for target in config.targets {
            switch target {
            case .csvSheet(let path):
                let state = try store.targetState(path)
                return (try CSVSheetDriver(path: path, remembered: state), state)
            case .googleSheet(let spreadsheetID, let tab):
                guard let services else { continue }
                progress?("reading the Google Sheet")
                let target = GoogleSheetTarget(service: services.sheets, spreadsheetID: spreadsheetID, tab: tab)
                let state = try store.targetState(target.label)
                return (try GoogleSheetDriver(target: target, listTabs: config.listTabs.values.sorted(), remembered: state), state)
            case .icsCalendar, .googleCalendar:
                continue
            }
        }
        return (nil, .empty)
    }

    /// The lists the config reads from tabs of the Google Sheet, over those read from files.
    private func lists(from snapshot: GoogleSheetSnapshot, into lists: ContactLists) throws -> ContactLists {
        var lists = lists
        var warnings: [String] = []
        for (kind, tab) in config.listTabs {
            let rows = snapshot.lists[tab] ?? []
            guard let header = rows.first else { continue }
            let entries = try ContactListLoader.entries(
                header: header, rows: rows.dropFirst().enumerated().map { ($0.offset + 2, $0.element) },
                source: "tab `\(tab)`", phones: config.phones, warnings: &warnings)
            switch kind {
            case "customers": lists.customers = entries
            case "active_jobs": lists.activeJobs = entries
            case "vendors": lists.vendors = entries
            default: lists.spam = Set(entries.keys)
            }
        }
        for warning in warnings { progress?(warning) }
        return lists
    }

    /// Rows whose lead no longer exists (a later call joined its calls to another lead).
    private func orphanNotes(remembered: [String: SyncedRow], leads: [Lead]) -> [String] {
        var notes: [String] = []
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
        if let sheet = run.sheet, let sheetPlan = run.plan.sheets.first {
            try sheet.apply(sheetPlan)
        }
        var commit = run.commit
        var refused: (any Error)?
        for (calendar, calendarPlan) in zip(run.calendars, run.plan.calendars) {
            do {
                try calendar.apply(calendarPlan)
            } catch SyncError.google(let error) where !error.failedEvents.isEmpty {
                // The rest was written: record it, and leave the refused events for the next run to retry.
                commit.targetChanges[calendar.label]?.upsertEvents.removeAll { error.failedEvents.contains($0.uid) }
                refused = SyncError.google(error)
            }
        }
        if !run.rejects.isEmpty {
            do {
                try RejectsFile(path: config.rejectsPath).append(run.rejects, at: finishedAt)
            } catch {
                throw SyncError.io(error.path, error.message)
            }
        }
        beforeCommit()
        commit.run.finishedAt = finishedAt
        try store.commit(commit)
        if let refused { throw refused }
    }
}
