/// When the caller would like the visit or the callback: "after three", "tomorrow morning",
/// "before noon", "Monday afternoon", "en la tarde", as they said it.
enum PreferredTimeReader {
    static let days: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "weekday",
        "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
    ]
    static let parts: Set<String> = ["morning", "afternoon", "evening", "night", "manana", "tarde", "noche", "mornings", "evenings"]
    static let hours: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "noon", "lunch", "work", "midday", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
    ]

    static func time(in text: TextTokens) -> String? {
        let words = text.tokens.map(\.word)
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            if ["after", "before", "around", "despues"].contains(word), hours.contains(next) || next == "de" {
                var end = index + 2
                if end < words.count, ["pm", "am", "oclock", "today", "tomorrow"].contains(words[end]) { end += 1 }
                return text.surface(index..<min(end, words.count))
            }
            if ["tomorrow", "this", "today", "manana"].contains(word), parts.contains(next) {
                return text.surface(index..<(index + 2))
            }
            if days.contains(word) {
                let end = parts.contains(next) ? index + 2 : index + 1
                let start = index > 0 && ["on", "next", "this", "el"].contains(words[index - 1]) ? index - 1 : index
                return text.surface(start..<end)
            }
            if ["in", "en", "por"].contains(word), next == "the" || next == "la", index + 2 < words.count, parts.contains(words[index + 2]) {
                return text.surface(index..<(index + 3))
            }
        }
        return words.firstIndex { ["tonight", "anytime", "whenever"].contains($0) }.map { text.surface($0..<($0 + 1)) }
    }
}
