/// What the office's Status says about a lead's later calls: one it closed takes no missed call it had
/// not seen (a new voicemail opens a new lead), one it reopened after the rules closed it takes later
/// calls however long after its last.
public enum OfficeHold: Sendable, Hashable {
    /// Closed by the office when the row showed this many missed calls.
    case closed(seenMissedCalls: Int)
    case reopened

    var isClosed: Bool {
        if case .closed = self { return true }
        return false
    }

    /// Whether a lead with `count` missed calls so far takes no further one: the office closed it
    /// having seen them all.
    func refuses(missedCallAfter count: Int) -> Bool {
        if case .closed(let seen) = self { return count >= seen }
        return false
    }
}
