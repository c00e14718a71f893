/// Numbers said as words ("seven eight seven zero four", "five twelve", "siete ocho") become digits,
/// and digit groups said apart ("512 555 0142", "7 8 7 0 4") become one number, so ZIPs and callback
/// numbers read the same however the speech-to-text wrote them. A lone number word stays a word:
/// "the one in the kitchen" and "after three" keep their sense.
public enum SpokenNumbers {
    static let units: [String: Int] = [
        "zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "cero": 0, "uno": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
        "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
    ]
    static let teens: [String: Int] = [
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// The digits a number word stands for, nil for any other word; "oh" and "o" only inside a run.
    static func value(_ word: String) -> Int? {
        units[word] ?? teens[word] ?? tens[word]
    }

    /// Rewrites runs of number words and short digit groups in `words` (already lowercased).
    /// `breaks[i]` is what separates word i from the one before: 0 a space, 1 a comma, 2 a sentence end.
    static func rewrite(_ words: [String], breaks: [Int]) -> [(text: String, span: Range<Int>)] {
        var out: [(String, Range<Int>)] = []
        var index = 0
        while index < words.count {
            let run = self.run(from: index, in: words, breaks: breaks)
            if run.end > index {
                out.append((run.digits, index..<run.end))
                index = run.end
            } else {
                out.append((words[index], index..<(index + 1)))
                index += 1
            }
        }
        return out
    }

    /// The longest run of numeric words from `start`; end == start when there is none worth rewriting.
    private static func run(from start: Int, in words: [String], breaks: [Int]) -> (digits: String, end: Int) {
        var digits = ""
        var index = start
        var spokenWords = 0
        var groups = 0
        var lastWritten = false
        while index < words.count {
            let word = words[index]
            let written = word.allSatisfy(\.isNumber)
            // A comma may fall inside a number said in groups, but not after a whole ZIP or phone number,
            // nor between digits and words ("in 2022, one of the…").
            if index > start
                && (breaks[index] >= 2 || (breaks[index] == 1 && (digits.count == 5 || digits.count >= 10 || written != lastWritten)))
            {
                break
            }
            lastWritten = written
            if written {
                guard word.count <= 4 || (groups == 0 && word.count >= 5) else { break }
                digits += word
                groups += 1
                index += 1
                if word.count >= 5 { break }
                continue
            }
            guard var number = value(word) else { break }
            if (word == "oh" || word == "o"), groups == 0 { break }
            if let ten = tens[word], index + 1 < words.count, breaks[index + 1] == 0, let unit = units[words[index + 1]], unit > 0,
                words[index + 1] != "oh", words[index + 1] != "o"
            {
                number = ten + unit
                index += 1
                spokenWords += 1
            }
            digits += String(number)
            groups += 1
            spokenWords += 1
            index += 1
        }
        if groups == 0 { return ("", start) }
        if spokenWords > 0 && groups < 2 && spokenWords < 2 { return ("", start) }
        return (digits, index)
    }
}
