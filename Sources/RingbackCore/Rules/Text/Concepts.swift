/// Named groups of words the business writes once and uses in many rules: `$water` in
/// `$water + $inside` stands for every way callers say water (water, agua, leak…), so a word added to
/// the group counts in every safety issue that uses it. `keywords.concepts` in the config.
public struct Concepts: Sendable {
    public let groups: [String: [String]]

    public init(_ groups: [String: [String]]) {
        self.groups = groups
    }

    /// The concept names a phrase refers to (`$water` → `water`), known or not.
    public static func references(in text: String) -> [String] {
        text.components(separatedBy: " + ").flatMap { $0.split(separator: "|") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("$") }
            .map { String($0.dropFirst()) }
    }

    /// A phrase with its concepts written out: a lone `$water` becomes each of the group's words; in a
    /// phrase of parts, `$water` becomes the group's words as alternatives of that part.
    public func expand(_ text: String) -> [String] {
        guard !groups.isEmpty, text.contains("$") else { return [text] }
        let parts = text.components(separatedBy: " + ").map { part in
            part.split(separator: "|").flatMap { alternative -> [String] in
                let word = alternative.trimmingCharacters(in: .whitespaces)
                guard word.hasPrefix("$"), let group = groups[String(word.dropFirst())] else { return [word] }
                return group
            }
        }
        return parts.count == 1 ? parts[0] : [parts.map { $0.joined(separator: "|") }.joined(separator: " + ")]
    }
}
