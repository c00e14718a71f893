import RingbackSeededRandom

/// Random strings built from the characters that break CSV and iCalendar writers.
enum RandomText {
    static let alphabet: [String] = [
        "a", "Z", "7", " ", ",", ";", "\"", "'", "\t", "\r", "\n", "\r\n", "=", "+", "-", "@", "\\", ":",
        "é", "ß", "中", "文", "😀", "👍🏽", "e\u{301}", "\u{FEFF}", "\u{0}", "^",
    ]

    static func string(maxLength: Int, using generator: inout SeededRandom) -> String {
        let length = Int.random(in: 0...maxLength, using: &generator)
        var result = ""
        for _ in 0..<length {
            result += alphabet.randomElement(using: &generator)!
        }
        return result
    }
}
