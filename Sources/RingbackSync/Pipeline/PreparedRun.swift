import Foundation
import RingbackCore

/// A planned run: the plan to show, plus what applying it needs. Nothing has been written yet.
package struct PreparedRun: Sendable {
    package var plan: SyncPlan
    package var rejects: [RecordReject]
    /// Sources that stopped part-way: their calls are not in the plan, their watermarks are not moved.
    package var failures: [any SourceFailure]
    /// Sources that brought nothing they should have: shown in the plan, exit code 6 from the command line.
    package var silences: [SourceSilence]
    /// Worth fixing, not stopping the run; the command line logs them.
    package var warnings: [String]
    var commit: StateCommit
    var sheet: (any OpenSheet)?
    var calendars: [(label: String, open: any OpenCalendar)]
    /// What each bookings source read, kept by the source when the run is applied.
    var bookings: [BookingPull] = []

    init(output: RunPlanner.Output, sheet: (any OpenSheet)?, calendars: [(label: String, open: any OpenCalendar)]) {
        plan = output.plan
        rejects = output.rejects
        failures = output.failures
        silences = output.silences
        warnings = output.warnings
        commit = output.commit
        self.sheet = sheet
        self.calendars = calendars
    }

    /// Whether applying would write a target, the state store or the rejects file.
    package var writesAnything: Bool {
        plan.hasChanges || plan.hasStateChanges || !commit.processedFiles.isEmpty || !rejects.isEmpty
            || !commit.watermarks.isEmpty || !commit.renamedTargets.isEmpty || !commit.settledTargets.isEmpty
            || commit.business != nil || !commit.calendarReadStates.isEmpty
            || (sheet?.needsWrite ?? false) || calendars.contains { $0.open.needsWrite }
    }
}
