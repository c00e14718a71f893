/// The Missed Calls sheet, wherever it lives (a CSV file, a Google Sheet tab). A run opens it once
/// before planning and applies the plan to what it opened, so every sheet gets the same planner and rules.
public protocol SheetTarget: Sendable {
    /// Names the target in the plan and keys its remembered state.
    var label: String { get }
    /// Reads the sheet (and any list tabs it holds). `remembered` is the state of the last run, from which
    /// a sheet that went missing or was emptied is rebuilt with the office's work.
    func open(remembered: TargetState) throws -> any OpenSheet
    /// Labels this target's state may have been recorded under by an earlier release.
    var formerLabels: [String] { get }
}

extension SheetTarget {
    public var formerLabels: [String] { [] }
}

/// A sheet as read this run.
public protocol OpenSheet: Sendable {
    var contents: SheetContents { get }
    /// Lists the config reads from the sheet itself (list tabs), as found.
    var lists: [ListKind: ContactListTable] { get }
    /// Told to the office in the plan (a file restored from the state, a tab to be created, …).
    var notes: [String] { get }
    /// Written even when the plan changes nothing (a new, missing or restored sheet).
    var needsWrite: Bool { get }
    func apply(_ plan: SheetPlan) throws
    /// Shows the run to the office in the sheet itself (a status tab, the rejected records), after the
    /// plan was applied. A sheet with no tabs leaves this to the status and rejects files.
    func record(_ report: RunReport) throws
}
