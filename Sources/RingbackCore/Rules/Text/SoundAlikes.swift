/// Words speech-to-text commonly mishears, and what the caller said: "leek" → "leak", "sparkin" →
/// "sparking", "a c" → "ac". The business's list comes from `keywords.sound_alikes` in the config.
public struct SoundAlikes: Sendable {
    /// Heard words → meant words, each side already split into lowercase words.
    public let pairs: [(heard: [String], meant: [String])]

    public static let none = SoundAlikes([:])

    public init(_ map: [String: String]) {
        pairs = map.map { (Self.words($0.key), Self.words($0.value)) }
            .filter { !$0.0.isEmpty }
            .sorted { ($0.0.count, $0.0.joined(separator: " ")) > ($1.0.count, $1.0.joined(separator: " ")) }
    }

    static func words(_ text: String) -> [String] {
        TextTokens.split(text).map(\.word)
    }

    /// Replaces the heard sequences (longest first) within a clause.
    func apply(_ words: [TextTokens.RawWord]) -> [TextTokens.RawWord] {
        guard !pairs.isEmpty else { return words }
        var out: [TextTokens.RawWord] = []
        var index = 0
        outer: while index < words.count {
            for pair in pairs where index + pair.heard.count <= words.count {
                let span = index..<(index + pair.heard.count)
                guard words[span].map(\.word) == pair.heard,
                    words[span].dropFirst().allSatisfy({ $0.breakBefore == 0 })
                else { continue }
                let surface = words[span].map(\.surface).joined(separator: " ")
                for (offset, meant) in pair.meant.enumerated() {
                    out.append(
                        .init(
                            word: meant, surface: offset == 0 ? surface : "",
                            breakBefore: offset == 0 ? words[index].breakBefore : 0, isCapitalised: words[index].isCapitalised))
                }
                index += pair.heard.count
                continue outer
            }
            out.append(words[index])
            index += 1
        }
        return out
    }
}
