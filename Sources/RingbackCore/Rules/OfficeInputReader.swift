/// Reads the office's word on a lead from its row: the appointment it typed, and the status, caller type
/// or owner where it changed Ringback's value (or pinned it earlier). What cannot be read becomes a note.
public struct OfficeInputReader: Sendable {
    public let time: LocalTimeText

    public init(time: LocalTimeText) {
        self.time = time
    }

    public func input(row: SheetContents.Row?, remembered: SyncedRow?, leadID: String, notes: inout [String]) -> OfficeInput {
        guard let row else { return .none }
        var input = OfficeInput()
        let appointmentText = row.cells.text(.appointment)
        if !appointmentText.trimmingCharacters(in: .whitespaces).isEmpty {
            if let date = time.parseAppointment(appointmentText) {
                input.appointment = date
            } else {
                notes.append(
                    "\(leadID) Appointment \"\(appointmentText)\" is not a date and time Ringback can read (e.g. 2026-11-26 09:00); no job event made"
                )
            }
        }
        guard let remembered else { return input }
        func edited(_ column: SheetColumn) -> String? { Self.edited(column, row: row, remembered: remembered) }
        if let text = edited(.status) {
            if let status = LeadStatus(officeText: text) {
                input.status = status
            } else if !text.isEmpty {
                notes.append(
                    "\(leadID) Status \"\(text)\" is not one of: \(LeadStatus.allCases.map(\.rawValue).joined(separator: ", ")); kept as typed, rules use their own status"
                )
            }
        }
        if let text = edited(.callerType) {
            input.callerType = CallerType.allCases.first { $0.rawValue.lowercased() == text.lowercased().trimmingCharacters(in: .whitespaces) }
        }
        if let text = edited(.owner), !text.isEmpty {
            input.owner = text
        }
        return input
    }
}

extension OfficeInputReader {
    /// The office's value of a column where it differs from what Ringback wrote, or was pinned before.
    static func edited(_ column: SheetColumn, row: SheetContents.Row, remembered: SyncedRow) -> String? {
        guard let value = row.cells[column] else { return nil }
        if remembered.pins[column] != nil { return value }
        return value != remembered.cells.text(column) ? value : nil
    }

    /// The office's hold on a lead's later calls: a status it closed, or one it reopened after the
    /// rules had closed the lead.
    public static func hold(row: SheetContents.Row, remembered: SyncedRow) -> OfficeHold? {
        guard let text = edited(.status, row: row, remembered: remembered), let status = LeadStatus(officeText: text) else { return nil }
        if status.isClosed {
            return .closed(seenMissedCalls: Int(remembered.cells.text(.attempts)) ?? Int.max)
        }
        let ruled = LeadStatus(officeText: remembered.cells.text(.status))
        return status.isOpen && ruled?.isClosed == true ? .reopened : nil
    }
}

extension OfficeInput {
    /// Whether the office overrode any of the rules' own verdicts.
    public var hasOverrides: Bool { status != nil || callerType != nil || owner != nil }
}
