/// Named groups of words the business writes once and uses in many rules: `$water` in
/// `$water + $inside` stands for every way callers say water (water, agua, leak…), so a word added to
/// the group counts in every safety issue that uses it. Inside a phrase's words (`the $crew $doing`:
/// "the roofers putting in", "the men tearing out") each one-word concept is every one of its words in
/// that place. `keywords.concepts` in the config.
public struct Concepts: Sendable {
    public let groups: [String: [String]]

    public init(_ groups: [String: [String]]) {
        self.groups = groups
    }

    /// The concept names a phrase refers to (`$water` → `water`, `the $crew $doing` → `crew`, `doing`), known or not.
    public static func references(in text: String) -> [String] {
        text.components(separatedBy: " + ").flatMap { $0.split(separator: "|") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .flatMap { alternative -> [String] in
                guard alternative.contains("$") else { return [] }
                if alternative.hasPrefix("$"), !alternative.dropFirst().contains("$") { return [String(alternative.dropFirst())] }
                return alternative.split(separator: " ").filter { $0.hasPrefix("$") }.map { String($0.dropFirst()) }
            }
    }

    /// A phrase with its concepts written out: a lone `$water` becomes each of the group's words; in a
    /// phrase of parts, `$water` becomes the group's words as alternatives of that part.
    public func expand(_ text: String) -> [String] {
        guard !groups.isEmpty, text.contains("$") else { return [text] }
        let parts = text.components(separatedBy: " + ").map { part in
            part.split(separator: "|").flatMap { alternative in written(alternative.trimmingCharacters(in: .whitespaces)) }
        }
        return parts.count == 1 ? parts[0] : [parts.map { $0.joined(separator: "|") }.joined(separator: " + ")]
    }

    /// One alternative with its concepts written out: the group's words for a lone concept, every
    /// phrase the groups' words make for concepts among other words.
    private func written(_ alternative: String) -> [String] {
        if alternative.hasPrefix("$"), let group = groups[String(alternative.dropFirst())] { return group }
        guard alternative.contains("$") else { return [alternative] }
        var phrases = [""]
        for word in alternative.split(separator: " ") {
            let choices = word.hasPrefix("$") ? groups[String(word.dropFirst())] ?? [String(word)] : [String(word)]
            phrases = phrases.flatMap { start in choices.map { start.isEmpty ? $0 : "\(start) \($0)" } }
        }
        return phrases
    }
}
