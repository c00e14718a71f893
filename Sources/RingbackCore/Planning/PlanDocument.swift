import Foundation

/// The machine-readable plan (`--output json`), stable field names for scripts.
public struct PlanDocument: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var leadID: String
        public var cells: [String: String]
    }
    public struct CellChange: Codable, Sendable {
        /// The column's header text.
        public var column: String
        public var old: String
        public var new: String
    }
    public struct RowUpdate: Codable, Sendable {
        public var leadID: String
        public var changes: [CellChange]
    }
    public struct Pin: Codable, Sendable {
        public var leadID: String
        public var column: String
        public var synced: String
        public var office: String
        public var wanted: String
        public var isNew: Bool
    }
    public struct Sheet: Codable, Sendable {
        public var target: String
        public var create: [Row]
        public var update: [RowUpdate]
        public var pinned: [Pin]
        public var deletedByOffice: [String]
        public var duplicateIDs: [String]
        public var notes: [String]
    }
    public struct Event: Codable, Sendable {
        public var uid: String
        public var leadID: String
        public var kind: String
        public var title: String
        public var start: Date
        public var end: Date
        public var owner: String
        public var sequence: Int
        public var cancelled: Bool
    }
    public struct Calendar: Codable, Sendable {
        public var target: String
        public var create: [Event]
        public var update: [Event]
        public var cancel: [Event]
    }
    public struct Summary: Codable, Sendable {
        public var add: Int
        public var change: Int
        public var cancel: Int
        public var newPins: Int
        public var routingCorrections: Int
        public var deletedByOffice: Int
        public var changesPending: Bool
        public var line: String
    }

    public var ingest: IngestSummary
    public var sheets: [Sheet]
    public var calendars: [Calendar]
    public var summary: Summary

    public init(_ plan: SyncPlan) {
        ingest = plan.ingest
        sheets = plan.sheets.map { s in
            Sheet(
                target: s.target, create: s.creates.map { Row(leadID: $0.leadID, cells: Self.titled($0.cells)) },
                update: s.updates.map { update in
                    RowUpdate(
                        leadID: update.leadID,
                        changes: update.changes.map {
                            CellChange(column: $0.column.title, old: $0.old, new: $0.new)
                        })
                },
                pinned: s.pins.map {
                    Pin(leadID: $0.leadID, column: $0.column.title, synced: $0.synced, office: $0.office, wanted: $0.wanted, isNew: $0.isNew)
                }, deletedByOffice: s.newOfficeDeletions, duplicateIDs: s.duplicateIDs, notes: s.notes)
        }
        func event(_ e: SyncedEvent) -> Event {
            Event(
                uid: e.uid, leadID: e.event.leadID, kind: e.event.kind.rawValue, title: e.event.title, start: e.event.start,
                end: e.event.end, owner: e.event.owner, sequence: e.sequence, cancelled: e.event.cancelled)
        }
        calendars = plan.calendars.map { c in
            Calendar(target: c.target, create: c.creates.map(event), update: c.updates.map { event($0.new) }, cancel: c.cancels.map { event($0.new) })
        }
        summary = Summary(
            add: plan.toAdd, change: plan.toChange, cancel: plan.toCancel, newPins: plan.newPins,
            routingCorrections: plan.routingCorrections, deletedByOffice: plan.officeDeletions,
            changesPending: plan.hasChanges, line: plan.summaryLine)
    }

    /// Cells keyed by header text, as the office reads them.
    static func titled(_ cells: SheetCells) -> [String: String] {
        Dictionary(uniqueKeysWithValues: cells.values.map { ($0.key.title, $0.value) })
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }
}
