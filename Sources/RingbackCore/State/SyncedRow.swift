import Foundation

/// One sheet row as the last successful run left it: the planner's common ancestor.
public struct SyncedRow: Sendable, Hashable {
    public var leadID: String
    /// The values Ringback last wrote or adopted.
    public var cells: SheetCells
    /// The office's values; Ringback no longer changes these cells.
    public var pins: [SheetColumn: String]
    /// The office removed the row; it is not re-created.
    public var deletedByOffice: Bool
    /// When Ringback first saw the office reopen the lead after its rules had closed it.
    public var reopenedAt: Date?
    /// The row left the live sheet for the archive; it is never re-created or compared again.
    public var archived: Bool
    /// The windows the Offered Windows cell shows, as times: held for this lead on the next run.
    public var offered: [OfferedWindow]
    /// The Appointment was filled from a job on a crew calendar and the office has not typed over it since:
    /// when the crew moves or removes that job, the Appointment follows.
    public var appointmentFromCrew = false

    public init(
        leadID: String, cells: SheetCells, pins: [SheetColumn: String] = [:], deletedByOffice: Bool = false, reopenedAt: Date? = nil,
        archived: Bool = false, offered: [OfferedWindow] = []
    ) {
        self.leadID = leadID
        self.cells = cells
        self.pins = pins
        self.deletedByOffice = deletedByOffice
        self.reopenedAt = reopenedAt
        self.archived = archived
        self.offered = offered
    }

    /// A row a sheet rebuilt from the state gets back: not deleted by the office, not archived.
    public var belongsInLiveSheet: Bool { !deletedByOffice && !archived }

    /// What the office sees in the row: the pinned value where there is one.
    public func shown(_ column: SheetColumn) -> String { pins[column] ?? cells.text(column) }

    /// Every column as the office sees it.
    public var shownCells: SheetCells { SheetCells(Dictionary(uniqueKeysWithValues: SheetColumn.allCases.map { ($0, shown($0)) })) }
}
