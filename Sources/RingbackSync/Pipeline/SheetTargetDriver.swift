import RingbackCore

/// A sheet target as one run uses it: read once before planning, written once after.
/// The CSV file and the Google Sheet both plug in here, so both get the same planner and rules.
protocol SheetTargetDriver: Sendable {
    var label: String { get }
    var contents: SheetContents { get }
    /// Told to the office in the plan (a file restored from the state, …).
    var notes: [String] { get }
    /// Written even when the plan changes nothing (a new, missing or restored sheet).
    var needsWrite: Bool { get }
    func apply(_ plan: SheetPlan) throws
}
