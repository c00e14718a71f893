/// The one place a call read twice is kept once: the same call from two exports (a JSON page and a CSV
/// download of it, two sources, an overlapping API pull) or a call the ledger already holds.
public enum CallDeduplication {
    /// The pulled calls that are new: first of each key, none the ledger has.
    public static func newCalls(_ pulled: [Call], known ledger: [Call]) -> [Call] {
        var seen = Set<String>(minimumCapacity: pulled.count + ledger.count)
        for call in ledger { seen.insert(call.key) }
        return pulled.filter { seen.insert($0.key).inserted }
    }

    /// Recorded calls that a later reading tells more about: a transcript or recording that arrived
    /// later (a voicemail transcribed minutes after the call), a caller's name, a missed call that
    /// turned out to be a voicemail. What was recorded is never erased; the first reading of each
    /// key in the pull is the one compared.
    public static func updatedCalls(_ pulled: [Call], known ledger: [Call]) -> [Call] {
        var recorded = Dictionary(ledger.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var updated: [Call] = []
        for call in pulled {
            guard let known = recorded[call.key] else { continue }
            recorded[call.key] = nil
            if let merged = known.updated(by: call) { updated.append(merged) }
        }
        return updated
    }
}

extension Call {
    /// This recorded call with what `later` adds; nil when it adds nothing.
    func updated(by later: Call) -> Call? {
        var merged = self
        func missing(_ text: String?) -> Bool { text?.isEmpty ?? true }
        if missing(transcript), !missing(later.transcript) { merged.transcript = later.transcript }
        if missing(recordingURL), !missing(later.recordingURL) { merged.recordingURL = later.recordingURL }
        if missing(callerName), !missing(later.callerName) { merged.callerName = later.callerName }
        if outcome == .missed, later.outcome == .voicemail { merged.outcome = .voicemail }
        return merged == self ? nil : merged
    }
}
