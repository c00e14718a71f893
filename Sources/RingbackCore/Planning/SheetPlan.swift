/// The changes one run makes to one sheet target, and what it noticed but left alone.
public struct SheetPlan: Sendable, Hashable {
    public struct CellChange: Sendable, Hashable {
        public var column: SheetColumn
        public var old: String
        public var new: String

        public init(column: SheetColumn, old: String, new: String) {
            self.column = column
            self.old = old
            self.new = new
        }
    }

    public struct Update: Sendable, Hashable {
        public var leadID: String
        public var changes: [CellChange]

        public init(leadID: String, changes: [CellChange]) {
            self.leadID = leadID
            self.changes = changes
        }
    }

    /// A cell the office changed since the last sync; Ringback keeps the office's value.
    public struct Pin: Sendable, Hashable {
        public var leadID: String
        public var column: SheetColumn
        public var synced: String
        public var office: String
        /// The value Ringback would have written.
        public var wanted: String
        public var isNew: Bool
    }

    public var target: String
    public var creates: [DesiredRow] = []
    /// Closed leads' rows moving from the live sheet to its archive, as the office last saw them.
    public var archives: [DesiredRow] = []
    public var updates: [Update] = []
    public var pins: [Pin] = []
    /// Rows the office deleted since the last sync; not re-created.
    public var newOfficeDeletions: [String] = []
    public var duplicateIDs: [String] = []
    /// Rows present in the target but missing from state (a run that died after writing): adopted, not rewritten.
    public var adopted: [String] = []
    /// Rows whose state must be recorded even when the target needs no write.
    public var stateChange = TargetStateChange()
    /// Problems with what the office typed, e.g. an appointment that could not be read.
    public var notes: [String] = []

    public init(target: String) {
        self.target = target
    }

    public var writesTarget: Bool { !creates.isEmpty || !updates.isEmpty || !archives.isEmpty }
    public var newPins: [Pin] { pins.filter(\.isNew) }
    public var routingCorrections: Int { newPins.filter(\.column.isRoutingField).count }
}
