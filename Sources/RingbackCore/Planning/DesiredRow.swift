/// A row as Ringback wants it, before office pins are applied: every column present.
public struct DesiredRow: Sendable, Hashable {
    public var leadID: String
    public var cells: SheetCells
    /// The Appointment as the crew's calendar now says (their move, or empty for a job they removed),
    /// written over the office's cell because the office has not changed it since the last sync.
    public var crewAppointment: String?

    public init(leadID: String, cells: SheetCells, crewAppointment: String? = nil) {
        self.leadID = leadID
        self.cells = cells
        self.crewAppointment = crewAppointment
    }
}
