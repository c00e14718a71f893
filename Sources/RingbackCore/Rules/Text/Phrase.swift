import Foundation

/// A keyword or phrase from the config, split and stemmed once, so it matches "leaks", "Leaking" and
/// "leak" alike. `*` stands for any one word ("isn't * number"), `*ed` for any word in the past tense
/// ("you *ed our"), `=word` for that word as written, no other form ("=putting in" is not "put in"). Parts joined by ` + ` must all be heard in one sentence, in any order, each with
/// its alternatives split by `|`: "heat|furnace + out|dead + freezing|degrees".
public struct Phrase: Sendable, Hashable {
    public let text: String
    public let stems: [String]
    /// Words written in the past tense ("you installed"): the caller must have said them so too, or
    /// "can you install" would read as an existing customer.
    public let pastTense: [Bool]
    /// Words written `=word`: heard only so ("the men =putting in" is not "the men put in last year").
    public let exact: [Bool]
    /// For a phrase of parts: each part's alternatives.
    public let parts: [[Phrase]]

    public init(_ text: String) {
        self.text = text
        let pieces = text.components(separatedBy: " + ")
        if pieces.count > 1 {
            parts = pieces.map { piece in piece.split(separator: "|").map { Phrase(String($0).trimmingCharacters(in: .whitespaces)) } }
            stems = []
            pastTense = []
            exact = []
            return
        }
        parts = []
        let tokens = text.split(separator: " ").flatMap { part -> [(String, String, Bool)] in
            if part == "*" || part == "*ed" { return [(String(part), String(part), false)] }
            if part.hasPrefix("=") { return TextTokens(String(part.dropFirst())).tokens.map { ($0.word, $0.word, true) } }
            return TextTokens(String(part)).tokens.map { ($0.stem, $0.word, false) }
        }
        stems = tokens.map(\.0)
        pastTense = tokens.map { Self.isPast($0.1) }
        exact = tokens.map(\.2)
    }

    static let irregularPast: Set<String> = ["did", "redid", "came", "had", "made", "built", "set", "got", "took", "gave", "ran", "hooked", "did"]

    static func isPast(_ word: String) -> Bool {
        (word.count > 4 && word.hasSuffix("ed") && !word.hasSuffix("eed")) || irregularPast.contains(word)
    }

    public var isCompound: Bool { !parts.isEmpty }

    /// Phrases with at least one word; what the config validation requires.
    public var isUsable: Bool {
        isCompound ? parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isUsable) } : !stems.isEmpty && stems.contains { $0 != "*" && $0 != "*ed" }
    }
}
