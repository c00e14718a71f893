import ArgumentParser
import Foundation
import Logging
import RingbackCore
import RingbackLogging
import RingbackStore
import RingbackSync

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Pull new call exports, plan the changes to every target, and apply them.")

    enum Output: String, ExpressibleByArgument {
        case text
        case json
    }

    @OptionGroup var common: CommonOptions

    @Flag(help: "Print the plan and write nothing.")
    var dryRun = false

    @Flag(help: "With --dry-run: exit 0 when nothing would change, 2 when changes are pending, 1 on error.")
    var detailedExitcode = false

    @Option(help: "Plan output on standard output: text or json.")
    var output: Output = .text

    @Flag(help: "Print only the summary line, not the whole plan.")
    var quiet = false

    @Flag(help: "Exit 7 when records were rejected, after applying the rest (for cron to mail you).")
    var failOnRejects = false

    @Flag(
        help:
            "Take a sheet the state file does not match as it is (a restored older state, a renamed business); the office's values are kept and pinned."
    )
    var adopt = false

    @Option(help: "Run as if it were this time (ISO 8601), for trying rules on old exports.")
    var now: String?

    func run() throws {
        let log = common.logger("sync")
        let started = Date()
        let clock = try runClock(started: started)
        do {
            let config = try ConfigLoader.load(path: common.configPath)
            for warning in config.warnings { log.warning("\(warning)") }
            let firstRun = !FileManager.default.fileExists(atPath: config.statePath)
            let lock = dryRun && firstRun ? nil : try RunLock(path: config.statePath + ".lock")
            let store = try openStore(config, firstRun: firstRun)
            let reporter = ProgressReporter.standardError(logger: log, quiet: quiet)
            var engine = try SyncEngine(config: config, store: store, progress: reporter.progressClosure)
            engine.adopt = adopt
            let prepared = try engine.prepare(now: clock)
            report(prepared, config: config, log: log)
            show(prepared.plan, time: engine.time)
            if dryRun {
                log.info("dry run: nothing written. \(prepared.plan.summaryLine)")
                if !prepared.failures.isEmpty { throw SyncError.pull(prepared.failures) }
                try exitForProblems(prepared, log: log)
                if detailedExitcode && prepared.plan.hasChanges { throw ExitCode(ExitStatus.changesPending.rawValue) }
                return
            }
            for notice in try engine.apply(prepared, finishedAt: Date()) { log.warning("\(notice)") }
            withExtendedLifetime(lock) {}
            logFinished(prepared.plan, started: started, log: log)
            try exitForProblems(prepared, log: log)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail(error, log: log)
        }
    }

    /// `--now` when given, else the time the run started.
    private func runClock(started: Date) throws -> Date {
        guard let now else { return started }
        guard let parsed = ISO8601DateFormatter().date(from: now) else {
            throw ValidationError("--now expects an ISO 8601 time like 2026-11-24T18:00:00Z")
        }
        return parsed
    }

    /// The state file; a first dry run keeps its state in memory so it leaves nothing behind.
    private func openStore(_ config: RingbackConfig, firstRun: Bool) throws -> SQLiteStateStore {
        do {
            return dryRun && firstRun ? try SQLiteStateStore.inMemory() : try SQLiteStateStore(path: config.statePath)
        } catch {
            throw SyncError.io(config.statePath, "\(error)")
        }
    }

    /// The run's warnings and its first rejects, in the log.
    private func report(_ prepared: PreparedRun, config: RingbackConfig, log: Logger) {
        for warning in prepared.warnings { log.warning("\(warning)") }
        for reject in prepared.rejects.prefix(20) { log.warning("rejected \(reject.description)") }
        if prepared.rejects.count > 20 { log.warning("\(prepared.rejects.count - 20) more rejects in \(config.rejectsPath)") }
    }

    /// The plan on standard output, as text (whole or, with `--quiet`, problems and summary) or JSON.
    private func show(_ plan: SyncPlan, time: LocalTimeText) {
        let shown: String
        switch output {
        case .json: shown = PlanDocument(plan).json() + "\n"
        case .text:
            let renderer = PlanTextRenderer(time: time)
            shown = quiet ? renderer.problems(plan) + plan.summaryLine + "\n" : renderer.render(plan)
        }
        FileHandle.standardOutput.write(Data(shown.utf8))
    }

    private func logFinished(_ plan: SyncPlan, started: Date, log: Logger) {
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let ingest = plan.ingest
        let fields: Logger.Metadata = [
            "files": "\(ingest.filesRead)", "new_calls": "\(ingest.newCalls)", "leads": "\(ingest.leads)",
            "rejects": "\(ingest.rejects)",
        ]
        log.info("sync finished in \(seconds) s: \(plan.summaryLine)", metadata: fields)
    }

    /// Silent sources (exit 6) and, with `--fail-on-rejects`, rejected records (exit 7), once all is applied.
    private func exitForProblems(_ run: PreparedRun, log: Logger) throws {
        for silence in run.silences { log.warning("\(silence)") }
        if !run.silences.isEmpty { throw ExitCode(ExitStatus.silentSource.rawValue) }
        if failOnRejects && !run.rejects.isEmpty { throw ExitCode(ExitStatus.rejectedRecords.rawValue) }
    }
}
