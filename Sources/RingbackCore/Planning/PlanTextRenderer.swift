/// Prints a plan for people: `+` create, `~` change with old → new, `-` cancel, `!` office notes, one summary line.
public struct PlanTextRenderer: Sendable {
    public let time: LocalTimeText

    public init(time: LocalTimeText) {
        self.time = time
    }

    public func render(_ plan: SyncPlan) -> String {
        var out = ""
        let i = plan.ingest
        out +=
            "Read \(i.filesRead) file\(i.filesRead == 1 ? "" : "s") (\(i.filesSkipped) already processed): \(i.records) records, \(i.newCalls) new calls, \(i.rejects) rejected; \(i.leads) leads.\n"
        for sheet in plan.sheets { out += section(sheet) }
        for calendar in plan.calendars { out += section(calendar) }
        out += "\n" + plan.summaryLine + "\n"
        return out
    }

    private func section(_ sheet: SheetPlan) -> String {
        var out = "\nSheet \(sheet.target) (\(SheetColumn.tabName)):\n"
        for row in sheet.creates {
            let c = row.cells
            out +=
                "  + \(row.leadID)  \(c.text(.phone))  \(c.text(.callerName))  \(c.text(.callerType))  \(c.text(.status))  owner \(c.text(.owner))\n"
        }
        for update in sheet.updates {
            out += "  ~ \(update.leadID)\n"
            for change in update.changes where change.column != .lastSynced {
                out += "      \(change.column.title): \(quote(change.old)) -> \(quote(change.new))\n"
            }
        }
        for pin in sheet.newPins {
            out +=
                "  ! \(pin.leadID) \(pin.column.title) edited by the office: \(quote(pin.synced)) -> \(quote(pin.office)); pinned (Ringback would write \(quote(pin.wanted)))\n"
        }
        let held = sheet.pins.count - sheet.newPins.count
        if held > 0 { out += "  ! \(held) earlier office edit\(held == 1 ? "" : "s") kept as pinned\n" }
        for id in sheet.newOfficeDeletions {
            out += "  ! \(id) was deleted by the office; not re-created\n"
        }
        for id in sheet.duplicateIDs {
            out += "  ! \(id) appears on more than one row; only the first is used\n"
        }
        if !sheet.adopted.isEmpty {
            out += "  ! \(sheet.adopted.count) row\(sheet.adopted.count == 1 ? "" : "s") written by an interrupted run adopted\n"
        }
        for note in sheet.notes { out += "  ! \(note)\n" }
        if !sheet.writesTarget && sheet.pins.isEmpty && sheet.newOfficeDeletions.isEmpty && sheet.adopted.isEmpty && sheet.notes.isEmpty {
            out += "  (no changes)\n"
        }
        return out
    }

    private func section(_ calendar: CalendarPlan) -> String {
        var out = "\nCalendar \(calendar.target):\n"
        for event in calendar.creates {
            out += "  + \(event.uid)  \(time.format(event.event.start))  \(event.event.title)\n"
        }
        for revision in calendar.updates {
            out += "  ~ \(revision.new.uid)  SEQUENCE \(revision.old.sequence) -> \(revision.new.sequence)\n"
            for (field, old, new) in differences(revision.old.event, revision.new.event) {
                out += "      \(field): \(quote(old)) -> \(quote(new))\n"
            }
        }
        for revision in calendar.cancels {
            out += "  - \(revision.new.uid)  \(revision.old.event.title)  (cancelled, SEQUENCE \(revision.new.sequence))\n"
        }
        if !calendar.adopted.isEmpty {
            out += "  ! \(calendar.adopted.count) event\(calendar.adopted.count == 1 ? "" : "s") written by an interrupted run adopted\n"
        }
        for change in calendar.crewChanges { out += "  ! \(crewLine(change))\n" }
        if calendar.isEmpty && calendar.adopted.isEmpty && calendar.crewChanges.isEmpty { out += "  (no changes)\n" }
        return out
    }

    /// What the office must act on, even when only the summary is printed (`--quiet`): the notes of
    /// every sheet (unreadable appointments or statuses, silent or failed sources, restored files).
    public func problems(_ plan: SyncPlan) -> String {
        plan.sheets.flatMap(\.notes).map { "! \($0)\n" }.joined()
            + plan.calendars.flatMap(\.crewChanges).filter { $0.kind != .moved && $0.kind != .movedAway }.map { "! \(crewLine($0))\n" }.joined()
    }

    private func crewLine(_ change: CalendarPlan.CrewChange) -> String {
        let event = change.event.event
        let times = change.crewTimes.map { "\(time.format($0.start)) - \(time.format($0.end))" } ?? ""
        switch change.kind {
        case .removed: return "\(change.uid) \(event.title): deleted by the crew; not re-created"
        case .cancelled: return "\(change.uid) \(event.title): cancelled by the crew; left cancelled"
        case .moved: return "\(change.uid) \(event.title): moved by the crew to \(times); kept there"
        case .overruled: return "\(change.uid) \(event.title): moved by the crew to \(times), but the office's time since wins"
        case .movedAway: return "\(change.uid) \(event.title): moved by the crew to \(change.event.movedTo ?? "another calendar"); followed there"
        }
    }

    private func differences(_ a: CalendarEvent, _ b: CalendarEvent) -> [(String, String, String)] {
        var out: [(String, String, String)] = []
        if a.title != b.title { out.append(("title", a.title, b.title)) }
        if a.start != b.start { out.append(("start", time.format(a.start), time.format(b.start))) }
        if a.end != b.end { out.append(("end", time.format(a.end), time.format(b.end))) }
        if a.location != b.location { out.append(("location", a.location, b.location)) }
        if a.owner != b.owner { out.append(("owner", a.owner, b.owner)) }
        if a.details != b.details { out.append(("details", "…", "changed")) }
        if a.cancelled != b.cancelled { out.append(("status", a.cancelled ? "cancelled" : "confirmed", b.cancelled ? "cancelled" : "confirmed")) }
        return out
    }

    private func quote(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return "\"" + (flat.count > 80 ? String(flat.prefix(77)) + "..." : flat) + "\""
    }
}
