/// The one place a call read twice is kept once: the same call from two exports (a JSON page and a CSV
/// download of it, two sources, an overlapping API pull) or a call the ledger already holds.
public enum CallDeduplication {
    /// The pulled calls that are new: first of each key, none the ledger has.
    public static func newCalls(_ pulled: [Call], known ledger: [Call]) -> [Call] {
        var seen = Set<String>(minimumCapacity: pulled.count + ledger.count)
        for call in ledger { seen.insert(call.key) }
        return pulled.filter { seen.insert($0.key).inserted }
    }
}
