/// Finds phrases in a transcript's words: by stem, forgiving one or two letters on long words (what
/// speech-to-text gets wrong), allowing a filler word or two between the phrase's words ("smells like
/// gas" for "smell gas", "heat's been out" for "heat out"), within one clause. A match inside a
/// cancelling phrase ("smoke detector", "gas station") does not count, unless the phrase is that one.
public struct PhraseMatcher: Sendable {
    public struct Match: Sendable, Hashable {
        public var phrase: String
        public var range: Range<Int>
        /// A negation before the phrase covers one of its words ("I don't smell gas").
        public var negated: Bool
        /// The words as the caller said them.
        public var heard: String
    }

    public let text: TextTokens
    private var cancelled: [Range<Int>] = []
    /// Where each stem and word occurs, and the long lowercase words a near spelling may match:
    /// a phrase is only tried where its first word can start.
    private var positions: [String: [Int]] = [:]
    private var longWords: [Int] = []

    static let fillers: Set<String> = [
        "the", "a", "an", "of", "some", "like", "is", "are", "was", "its", "been", "has", "all", "um", "uh", "de", "la",
        "el", "en", "my", "our", "really", "still", "just", "so", "very", "that", "this", "kind", "bit", "little", "to",
    ]

    public init(_ text: TextTokens, cancelling: [Phrase] = []) {
        self.text = text
        for (index, token) in text.tokens.enumerated() {
            positions[token.stem, default: []].append(index)
            if token.word != token.stem { positions[token.word, default: []].append(index) }
            if token.stem.utf8.count >= 5 && !token.isCapitalised { longWords.append(index) }
        }
        cancelled = cancelling.flatMap { phrase in rawMatches(phrase).map(\.range) }
    }

    /// Every match of `phrase`, negated ones included; a phrase of parts matches once, affirmed,
    /// when each part is heard unnegated in the same sentence.
    public func matches(_ phrase: Phrase) -> [Match] {
        if phrase.isCompound { return compoundMatch(phrase).map { [$0] } ?? [] }
        return rawMatches(phrase).filter { match in
            !cancelled.contains { $0.overlaps(match.range) && !(match.range.lowerBound <= $0.lowerBound && $0.upperBound <= match.range.upperBound) }
        }
    }

    /// The first phrase (in list order) heard without a negation.
    public func firstAffirmed(in phrases: [Phrase]) -> Match? {
        for phrase in phrases {
            if let match = matches(phrase).first(where: { !$0.negated }) { return match }
        }
        return nil
    }

    private func compoundMatch(_ phrase: Phrase) -> Match? {
        var bySentence: [Int: [Match]] = [:]
        for (index, alternatives) in phrase.parts.enumerated() {
            var found: [Int: Match] = [:]
            for alternative in alternatives {
                for match in matches(alternative) where !match.negated {
                    let sentence = text.tokens[match.range.lowerBound].sentence
                    found[sentence] = found[sentence] ?? match
                }
            }
            if index == 0 {
                bySentence = found.mapValues { [$0] }
            } else {
                bySentence = bySentence.compactMapValues { matches in
                    guard let sentence = matches.first.map({ text.tokens[$0.range.lowerBound].sentence }), let next = found[sentence] else {
                        return nil
                    }
                    return matches + [next]
                }
            }
        }
        guard let sentence = bySentence.keys.min(), let parts = bySentence[sentence] else { return nil }
        let low = parts.map(\.range.lowerBound).min()!, high = parts.map(\.range.upperBound).max()!
        return Match(
            phrase: phrase.text, range: low..<high, negated: false,
            heard: parts.sorted { $0.range.lowerBound < $1.range.lowerBound }.map(\.heard).joined(separator: " … "))
    }

    private func rawMatches(_ phrase: Phrase) -> [Match] {
        guard phrase.isUsable, !phrase.isCompound else { return [] }
        let first = phrase.stems[0]
        var starts: [Int]
        if first == "*" || first == "*ed" {
            starts = Array(0..<text.count)
        } else {
            starts = positions[first] ?? []
            if first.utf8.count >= 6 && !phrase.exact[0] { starts = Array(Set(starts + longWords)).sorted() }
        }
        var found: [Match] = []
        var next = 0
        for start in starts where start >= next {
            guard let end = match(phrase, at: start) else { continue }
            let range = start..<end
            let negated = text.tokens[range].contains { token in token.negatedBy.map { $0 < start } ?? false }
            found.append(Match(phrase: phrase.text, range: range, negated: negated, heard: text.surface(range)))
            next = end
        }
        return found
    }

    /// The end of a match starting at `start`, or nil.
    private func match(_ phrase: Phrase, at start: Int) -> Int? {
        let stems = phrase.stems
        guard Self.same(stems[0], text.tokens[start], past: phrase.pastTense[0], exact: phrase.exact[0]) else { return nil }
        var position = start + 1
        for (offset, stem) in stems.enumerated().dropFirst() {
            let past = phrase.pastTense[offset], exact = phrase.exact[offset]
            var skipped = 0
            while position < text.count, !Self.same(stem, text.tokens[position], past: past, exact: exact), skipped < 2,
                Self.fillers.contains(text.tokens[position].word), text.tokens[position].clause == text.tokens[start].clause
            {
                position += 1
                skipped += 1
            }
            guard position < text.count, text.tokens[position].clause == text.tokens[start].clause,
                Self.same(stem, text.tokens[position], past: past, exact: exact)
            else { return nil }
            position += 1
        }
        return position
    }

    /// A phrase word and a heard word agree: same stem (and tense, for a past-tense phrase word), or a
    /// near spelling of a long lowercase word (capitalised words are names: "Heather" is not "heater");
    /// for a word written `=word`, that word itself.
    static func same(_ stem: String, _ token: TextTokens.Token, past: Bool = false, exact: Bool = false) -> Bool {
        if exact { return token.word == stem }
        if stem == "*" { return true }
        if stem == "*ed" { return Phrase.isPast(token.word) }
        if past && !Phrase.isPast(token.word) { return false }
        if stem == token.stem || stem == token.word { return true }
        return !token.isCapitalised && Fuzzy.close(stem, token.stem)
    }
}
