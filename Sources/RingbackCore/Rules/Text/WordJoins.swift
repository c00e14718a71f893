/// Words speech-to-text splits apart, put back together before matching: spelled-out letters ("a c",
/// "c o", "g f c i" → "ac", "co", "gfci") and a word broken in two ("furn ace" → "furnace") when the
/// two halves are not words the rules know but together they are.
public struct WordJoins: Sendable {
    /// Stems of the words the rules listen for.
    let known: Set<String>

    public static let lettersOnly = WordJoins(known: [])

    public init(known: Set<String>) {
        self.known = known
    }

    func apply(_ words: [TextTokens.RawWord]) -> [TextTokens.RawWord] {
        joinHalves(joinLetters(words))
    }

    private static func isLetter(_ word: TextTokens.RawWord) -> Bool {
        word.word.count == 1 && word.word.allSatisfy(\.isLetter)
    }

    /// Runs of two or more single letters in one clause become one word.
    private func joinLetters(_ words: [TextTokens.RawWord]) -> [TextTokens.RawWord] {
        var out: [TextTokens.RawWord] = []
        var index = 0
        while index < words.count {
            var end = index + 1
            if Self.isLetter(words[index]) {
                while end < words.count, Self.isLetter(words[end]), words[end].breakBefore == 0 { end += 1 }
            }
            out.append(end - index >= 2 ? Self.merged(words[index..<end]) : words[index])
            index = end
        }
        return out
    }

    /// Two neighbours in one clause that are unknown alone but known together.
    private func joinHalves(_ words: [TextTokens.RawWord]) -> [TextTokens.RawWord] {
        guard !known.isEmpty else { return words }
        var out: [TextTokens.RawWord] = []
        var index = 0
        while index < words.count {
            if index + 1 < words.count, words[index + 1].breakBefore == 0, joinable(words[index].word, words[index + 1].word) {
                out.append(Self.merged(words[index...(index + 1)]))
                index += 2
                continue
            }
            out.append(words[index])
            index += 1
        }
        return out
    }

    private func joinable(_ a: String, _ b: String) -> Bool {
        guard a.count >= 2, b.count >= 2, a.count + b.count >= 6, (a + b).allSatisfy(\.isLetter) else { return false }
        return known.contains(Stemmer.stem(a + b)) && !known.contains(Stemmer.stem(a)) && !known.contains(Stemmer.stem(b))
    }

    private static func merged(_ words: ArraySlice<TextTokens.RawWord>) -> TextTokens.RawWord {
        let first = words.first!
        return .init(
            word: words.map(\.word).joined(), surface: words.map(\.surface).joined(separator: " "), breakBefore: first.breakBefore,
            isCapitalised: first.isCapitalised)
    }
}
