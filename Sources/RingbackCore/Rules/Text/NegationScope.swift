/// Which words a negation covers: "not", "no longer", "isn't", "don't", "never", "nothing", "without",
/// Spanish "no", "ni", "sin"… cover the next few words of their clause ("I don't smell gas", "not sparking,
/// just flickering"); "but", "just", "only", "now", "pero" and a comma end the scope, "anymore" closes it.
/// "I don't know if…" and "not sure" hedge rather than deny, so they cover nothing.
public enum NegationScope {
    static let negators: Set<String> = [
        "not", "no", "never", "isnt", "dont", "doesnt", "didnt", "wasnt", "arent", "aint", "cant", "wont", "without",
        "nothing", "none", "nobody", "nor", "neither", "werent", "havent", "hasnt", "ni", "sin", "nunca", "tampoco", "nada",
    ]
    static let scopeEnders: Set<String> = ["but", "just", "only", "now", "though", "although", "except", "pero", "sino", "and", "y", "because"]
    static let hedges: Set<String> = ["know", "sure", "sabe", "se"]
    static let closers: Set<String> = ["anymore", "longer"]
    static let reach = 4

    /// For each word, the index of the negator covering it, or nil.
    static func scope(words: [String], clauses: [Int]) -> [Int?] {
        var covered = [Int?](repeating: nil, count: words.count)
        for (index, word) in words.enumerated() where negators.contains(word) {
            if word == "no", index > 0, words[index - 1] == "oh" { continue }
            if word == "no", index + 1 == words.count || clauses[index + 1] != clauses[index] { continue }
            var next = index + 1
            while next < words.count && next <= index + reach && clauses[next] == clauses[index] {
                let w = words[next]
                if hedges.contains(w) && next <= index + 2 { break }
                if scopeEnders.contains(w) { break }
                covered[next] = covered[next] ?? index
                if closers.contains(w) && !(w == "longer" && next == index + 1) { break }
                next += 1
            }
        }
        return covered
    }
}
