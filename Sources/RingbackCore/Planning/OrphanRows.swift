/// Rows the state remembers whose lead no longer exists: a later call joined its calls to another lead.
/// Left as they are, and told to the office.
public enum OrphanRows {
    public static func notes(remembered: [String: SyncedRow], leads: [Lead], limit: Int = 20) -> [String] {
        let current = Set(leads.map(\.id))
        let orphaned = remembered.values.filter { !$0.deletedByOffice && !current.contains($0.leadID) }.map(\.leadID).sorted()
        var notes = orphaned.prefix(limit).map {
            "\($0) no longer matches a lead (a later call joined its calls to another lead); its row is left as it is"
        }
        if orphaned.count > limit { notes.append("\(orphaned.count - limit) more rows no longer match a lead") }
        return notes
    }
}
