import Foundation

/// A transcript as the rules read it: words lowercased with accents folded, split words joined
/// ("a c" → "ac", "furn ace" → "furnace"), sound-alikes replaced
/// ("leek" → "leak", "a c" → "ac"), numbers said as words turned into digits, each word with its stem,
/// its clause and the negation covering it. The surface text is kept for reasons and intake fields.
public struct TextTokens: Sendable {
    public struct Token: Sendable, Hashable {
        public var word: String
        public var stem: String
        /// The words as the caller's transcript wrote them.
        public var surface: String
        public var clause: Int
        public var sentence: Int
        /// What separates this word from the one before: 0 a space, 1 a comma or dash, 2 a sentence end.
        public var breakBefore: Int
        /// Index of the negation word covering this one.
        public var negatedBy: Int?
        public var isCapitalised: Bool
    }

    public let tokens: [Token]

    public init(_ text: String, soundAlikes: SoundAlikes = .none, joins: WordJoins = .lettersOnly) {
        let raw = joins.apply(TextTokens.split(text))
        let replaced = soundAlikes.apply(raw)
        let numbered = SpokenNumbers.rewrite(replaced.map(\.word), breaks: replaced.map(\.breakBefore))
        var tokens: [Token] = []
        var clause = 0
        var sentence = 0
        for (text, span) in numbered {
            let first = replaced[span.lowerBound]
            if !tokens.isEmpty && first.breakBefore >= 1 { clause += 1 }
            if !tokens.isEmpty && first.breakBefore >= 2 { sentence += 1 }
            let surface = replaced[span].map(\.surface).joined(separator: " ")
            tokens.append(
                Token(
                    word: text, stem: Stemmer.stem(text), surface: surface, clause: clause, sentence: sentence,
                    breakBefore: first.breakBefore, negatedBy: nil, isCapitalised: first.isCapitalised))
        }
        for (index, negator) in NegationScope.scope(words: tokens.map(\.word), clauses: tokens.map(\.clause)).enumerated() {
            tokens[index].negatedBy = negator
        }
        self.tokens = tokens
    }

    public var count: Int { tokens.count }
    public subscript(index: Int) -> Token { tokens[index] }

    /// The surface text of a span of words.
    public func surface(_ range: Range<Int>) -> String {
        tokens[range].map(\.surface).joined(separator: " ")
    }

    /// A word as split from the text, before numbers are read.
    struct RawWord: Sendable {
        var word: String
        var surface: String
        var breakBefore: Int
        var isCapitalised: Bool
    }

    /// Words whose full stop does not end a sentence ("Dr. Martinez", "Elm St. near the park").
    static let abbreviations: Set<String> = ["dr", "mr", "mrs", "ms", "st", "ave", "rd", "jr", "sr", "mt", "apt"]

    static func split(_ text: String) -> [RawWord] {
        var words: [RawWord] = []
        var current = ""
        var shown = ""
        var pendingBreak = 0
        let characters = Array(text)
        func flush() {
            guard !current.isEmpty else { return }
            let folded = current.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            words.append(
                RawWord(
                    word: folded, surface: shown, breakBefore: words.isEmpty ? 0 : pendingBreak,
                    isCapitalised: current.first?.isUppercase ?? false))
            current = ""
            shown = ""
            pendingBreak = 0
        }
        for (index, character) in characters.enumerated() {
            if character == ".", abbreviations.contains(current.lowercased()) {
                flush()
                continue
            }
            if character.isLetter || character.isNumber {
                current.append(character)
                shown.append(character)
            } else if character == "'" || character == "\u{2019}" {
                if !current.isEmpty { shown.append(character) }
                continue
            } else {
                flush()
                let nextIsDigit = index + 1 < characters.count && characters[index + 1].isNumber
                if ".!?\n".contains(character) && !(character == "." && nextIsDigit) {
                    pendingBreak = 2
                } else if ",;:\u{2014}\u{2013}".contains(character) || (character == "-" && index > 0 && characters[index - 1] == " ") {
                    pendingBreak = max(pendingBreak, 1)
                }
            }
        }
        flush()
        return words
    }
}
