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
        let clock: Date
        if let now {
            guard let parsed = ISO8601DateFormatter().date(from: now) else {
                throw ValidationError("--now expects an ISO 8601 time like 2026-11-24T18:00:00Z")
            }
            clock = parsed
        } else {
            clock = started
        }
        do {
            let config = try ConfigLoader.load(path: common.configPath)
            for warning in config.warnings { log.warning("\(warning)") }
            let firstRun = !FileManager.default.fileExists(atPath: config.statePath)
            let lock = dryRun && firstRun ? nil : try RunLock(path: config.statePath + ".lock")
            let store: SQLiteStateStore
            do {
                store = dryRun && firstRun ? try SQLiteStateStore.inMemory() : try SQLiteStateStore(path: config.statePath)
            } catch {
                throw SyncError.io(config.statePath, "\(error)")
            }
            let reporter = ProgressReporter.standardError(logger: log, quiet: quiet)
            var engine = try SyncEngine(config: config, store: store, progress: reporter.progressClosure)
            engine.adopt = adopt
            let prepared = try engine.prepare(now: clock)
            for warning in prepared.warnings { log.warning("\(warning)") }
            for reject in prepared.rejects.prefix(20) { log.warning("rejected \(reject.description)") }
            if prepared.rejects.count > 20 { log.warning("\(prepared.rejects.count - 20) more rejects in \(config.rejectsPath)") }

            let shown: String
            switch output {
            case .json: shown = PlanDocument(prepared.plan).json() + "\n"
            case .text:
                let renderer = PlanTextRenderer(time: engine.time)
                shown = quiet ? renderer.problems(prepared.plan) + prepared.plan.summaryLine + "\n" : renderer.render(prepared.plan)
            }
            FileHandle.standardOutput.write(Data(shown.utf8))
            if dryRun {
                log.info("dry run: nothing written. \(prepared.plan.summaryLine)")
                if !prepared.failures.isEmpty { throw SyncError.pull(prepared.failures) }
                try exitForProblems(prepared, log: log)
                if detailedExitcode && prepared.plan.hasChanges { throw ExitCode(ExitStatus.changesPending.rawValue) }
                return
            }
            for notice in try engine.apply(prepared, finishedAt: Date()) { log.warning("\(notice)") }
            withExtendedLifetime(lock) {}
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            let ingest = prepared.plan.ingest
            let fields: Logger.Metadata = [
                "files": "\(ingest.filesRead)", "new_calls": "\(ingest.newCalls)", "leads": "\(ingest.leads)",
                "rejects": "\(ingest.rejects)",
            ]
            log.info("sync finished in \(seconds) s: \(prepared.plan.summaryLine)", metadata: fields)
            try exitForProblems(prepared, log: log)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail(error, log: log)
        }
    }

    /// Silent sources (exit 6) and, with `--fail-on-rejects`, rejected records (exit 7), once all is applied.
    private func exitForProblems(_ run: PreparedRun, log: Logger) throws {
        for silence in run.silences { log.warning("\(silence)") }
        if !run.silences.isEmpty { throw ExitCode(ExitStatus.silentSource.rawValue) }
        if failOnRejects && !run.rejects.isEmpty { throw ExitCode(ExitStatus.rejectedRecords.rawValue) }
    }
}
