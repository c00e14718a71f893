import Foundation
import RingbackCore
import RingbackMapping
import RingbackOffline

/// A planned run: the plan to show, plus what applying it needs. Nothing has been written yet.
public struct PreparedRun: Sendable {
    public var plan: SyncPlan
    public var rejects: [RecordReject]
    var sheet: (any SheetTargetDriver)?
    var calendars: [any CalendarTargetDriver]
    var commit: StateCommit
    /// API sources that stopped part-way: their calls so far are in the plan, their watermarks are not moved.
    public var pullFailures: [APIPullFailure] = []

    /// Whether applying would write a target, the state store or the rejects file.
    public var writesAnything: Bool {
        plan.hasChanges || plan.hasStateChanges || !commit.processedFiles.isEmpty || !rejects.isEmpty
            || !commit.watermarks.isEmpty
            || (sheet?.needsWrite ?? false) || calendars.contains { $0.needsWrite }
    }
}
