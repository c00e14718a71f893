import Foundation

/// What a sheet target holds right now, as read before planning: rows keyed by Lead ID.
public struct SheetContents: Sendable, Hashable {
    /// One row as found, whatever its position.
    public struct Row: Sendable, Hashable {
        public var leadID: String
        public var cells: [String: String]
        public init(leadID: String, cells: [String: String]) {
            self.leadID = leadID
            self.cells = cells
        }
    }

    /// False when the tab or file does not exist yet.
    public var exists: Bool
    public var rows: [String: Row]
    /// Lead IDs found on more than one row; only the first is used, none is multiplied.
    public var duplicateIDs: [String]

    public init(exists: Bool, rows: [String: Row] = [:], duplicateIDs: [String] = []) {
        self.exists = exists
        self.rows = rows
        self.duplicateIDs = duplicateIDs
    }

    public static let missing = SheetContents(exists: false)

    /// The index of the first row holding each Lead ID, and the IDs found on a later row too.
    public static func firstRows(keyIndex: Int, in rows: [[String]]) -> (indices: [String: Int], duplicates: [String]) {
        var indices: [String: Int] = [:]
        var duplicates: [String] = []
        for (index, row) in rows.enumerated() where keyIndex < row.count {
            let id = row[keyIndex].trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else { continue }
            if indices[id] == nil {
                indices[id] = index
            } else if !duplicates.contains(id) {
                duplicates.append(id)
            }
        }
        return (indices, duplicates)
    }

    /// A sheet's rows as laid out under its header (the office's column order), keyed by Lead ID.
    public init(header: [String], rows: [[String]]) {
        guard let keyIndex = header.firstIndex(of: SheetColumn.leadID.rawValue) else {
            self.init(exists: true)
            return
        }
        let (indices, duplicates) = Self.firstRows(keyIndex: keyIndex, in: rows)
        var found: [String: Row] = [:]
        found.reserveCapacity(indices.count)
        for (id, index) in indices {
            let row = rows[index]
            var cells: [String: String] = [:]
            for (column, name) in header.enumerated() where cells[name] == nil {
                cells[name] = column < row.count ? row[column] : ""
            }
            found[id] = Row(leadID: id, cells: cells)
        }
        self.init(exists: true, rows: found, duplicateIDs: duplicates)
    }
}
