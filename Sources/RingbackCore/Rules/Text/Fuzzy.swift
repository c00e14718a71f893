/// Tolerance for speech-to-text spelling on long words ("thermostate", "monoxcide", "flickr"): one
/// edit from six letters, two from nine, the first letter right. Short words must be exact — "heat"
/// and "heal" are different problems.
enum Fuzzy {
    static func close(_ a: String, _ b: String) -> Bool {
        let (m, n) = (a.utf8.count, b.utf8.count)
        guard min(m, n) >= 6, abs(m - n) <= 2, a.utf8.first == b.utf8.first else { return false }
        let x = Array(a), y = Array(b)
        let shorter = min(x.count, y.count)
        guard shorter >= 6, x[0] == y[0], x.allSatisfy(\.isLetter), y.allSatisfy(\.isLetter) else { return false }
        let allowed = shorter >= 9 ? 2 : 1
        guard abs(x.count - y.count) <= allowed else { return false }
        return distance(x, y, limit: allowed) <= allowed
    }

    /// Levenshtein distance, stopping early once every path exceeds `limit`.
    static func distance(_ x: [Character], _ y: [Character], limit: Int) -> Int {
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            var best = current[0]
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                best = min(best, current[j])
            }
            if best > limit { return limit + 1 }
            previous = current
        }
        return previous[y.count]
    }
}
