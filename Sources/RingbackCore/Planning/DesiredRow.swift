import Foundation

/// A row as Ringback wants it, before office pins are applied: every column present.
public struct DesiredRow: Sendable, Hashable {
    public var leadID: String
    public var cells: SheetCells
    /// Kept in the state with the row: when the office reopened the lead (see `SyncedRow`).
    public var reopenedAt: Date?
    /// The Appointment as the crew's calendar now says (their move, or empty for a job they removed),
    /// written over the office's cell because the office has not changed it since the last sync.
    public var crewAppointment: String?
    /// The windows in the Offered Windows cell, kept in the state so the next run holds them (`OfferAllocation`).
    public var offered: [OfferedWindow]
    /// The Appointment Ringback wants is a job's time on a crew calendar (filled in, or followed after the
    /// crew moved it), so the state remembers to follow that job.
    public var appointmentFromCrew = false

    public init(leadID: String, cells: SheetCells, reopenedAt: Date? = nil, crewAppointment: String? = nil, offered: [OfferedWindow] = []) {
        self.leadID = leadID
        self.cells = cells
        self.reopenedAt = reopenedAt
        self.crewAppointment = crewAppointment
        self.offered = offered
    }
}
