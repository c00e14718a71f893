/// Case-insensitive whole-word phrase search in transcripts ("no heat" matches "No heat!" but not "snow heater").
public struct KeywordMatcher: Sendable {
    private let words: [String]

    public init(_ text: String) {
        words = KeywordMatcher.tokenize(text)
    }

    public func contains(_ phrase: String) -> Bool {
        let needle = KeywordMatcher.tokenize(phrase)
        guard !needle.isEmpty, needle.count <= words.count else { return false }
        for start in 0...(words.count - needle.count) where words[start] == needle[0] {
            if Array(words[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }

    public func firstMatch(in phrases: [String]) -> String? {
        phrases.first { contains($0) }
    }

    static func tokenize(_ text: String) -> [String] {
        text.lowercased()
            .split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "\u{2019}") }
            .map { $0.filter { $0 != "'" && $0 != "\u{2019}" } }
    }
}
