import Foundation

/// The caller's name from how voicemails open: "this is Derek", "my name is Priya", "soy Jorge",
/// "Marcus here", "Hank calling", "Jake, sales rep with…". Words that are not names ("this is an
/// important message", "Congratulations,") are refused.
enum CallerNameReader {
    static let triggers: [[String]] = [
        ["my", "name", "is"], ["this", "is"], ["names"], ["me", "llamo"], ["mi", "nombre", "es"], ["soy"], ["habla"], ["its"],
    ]
    static let greetings: Set<String> = [
        "hi", "hey", "hello", "yeah", "yes", "um", "uh", "hola", "buenas", "buenos", "noches", "tardes", "dias", "good", "morning",
        "afternoon", "evening", "oh", "so", "okay", "ok", "well",
    ]
    static let followers: Set<String> = ["here", "calling", "speaking", "from", "with", "aqui", "at", "in", "again"]
    static let notNames: Set<String> = [
        "a", "an", "the", "about", "for", "regarding", "urgent", "my", "our", "your", "calling", "in", "at", "to", "not", "so", "just",
        "really", "kind", "emergency", "congratulations", "attention", "sorry", "please", "help", "hello", "hi", "yes", "okay",
        "perdon", "disculpe", "press", "this", "it", "we", "i", "im", "ive", "there", "uh", "um", "cliente", "clientes", "el", "la",
        "una", "un", "de", "que", "important", "automated", "recorded", "courtesy", "final", "message", "call", "hola", "yeah",
        "hey", "no", "yo", "soy", "from", "with", "on", "and", "is", "be", "emergencia", "water", "mi", "ill", "interested", "tu", "su",
        "me", "us",
    ]
    /// Words a caseless transcript puts where a name could be ("its getting loud", "this is bob out back"):
    /// without capitals they cannot be told from a name by their look, so they are refused there.
    static let caselessNotNames: Set<String> = [
        "him", "her", "them", "been", "about", "regarding", "still", "back", "off", "out", "down", "up", "gone", "ready", "done",
        "over", "late", "early", "time", "cold", "hot", "warm", "broken", "dead", "fine", "bad", "worse", "loud", "noisy", "wet",
        "dry", "pretty", "very", "too", "also", "only", "sort", "always", "never", "again", "like", "that", "probably", "actually",
        "literally", "almost", "totally", "supposed", "under", "for", "leaky", "empty", "full", "stuck", "clogged", "frozen", "quiet",
        "weird", "strange", "possible", "hard", "true", "right", "wrong", "upstairs", "downstairs", "next", "across", "around",
        "here", "there", "now", "then", "today", "tomorrow", "yesterday", "tonight", "busy", "closed", "open", "gas", "raining",
        "snowing", "about", "really", "sure", "ok", "okay", "urgent", "important", "me", "us", "you", "him", "his",
    ]
    static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "miss"]

    static func name(in text: TextTokens) -> String? {
        let words = text.tokens.map(\.word)
        // A transcript without capitals ("marty here the…") cannot show a name by its capital letter.
        let caseless = !text.tokens.contains(where: \.isCapitalised)
        for trigger in triggers {
            for start in 0..<max(0, words.count - trigger.count + 1) where Array(words[start..<(start + trigger.count)]) == trigger {
                let index = start + trigger.count
                // Caseless, "its" opens a name only at the start and as "its julie," or "its tom from…", never "its getting loud".
                if trigger == ["its"], caseless,
                    !(words[..<start].allSatisfy(greetings.contains) && standsAlone(index, in: text) && isCaselessName(index, in: text))
                {
                    continue
                }
                if let name = name(at: index, in: text, needsCapital: trigger == ["its"] && !caseless, caseless: caseless) { return name }
            }
        }
        var start = 0
        while start < words.count, greetings.contains(words[start]) { start += 1 }
        guard start < words.count, text.tokens[start].isCapitalised || caseless else { return nil }
        let next = start + 1
        guard next < words.count, followers.contains(words[next]) || text.tokens[next].breakBefore == 1 else { return nil }
        if caseless, !isCaselessName(start, in: text) { return nil }
        return name(at: start, in: text, needsCapital: !caseless, single: true)
    }

    /// The word at `index` is followed by a pause, the end, or a word that follows names ("here", "from", "on").
    static func standsAlone(_ index: Int, in text: TextTokens) -> Bool {
        let next = index + 1
        return next >= text.count || text.tokens[next].breakBefore >= 1 || followers.contains(text.tokens[next].word)
            || text.tokens[next].word == "on"
    }

    /// A lowercase word that may be a name: not a common word, nor a word in -ing ("interested", "getting").
    static func isCaselessName(_ index: Int, in text: TextTokens) -> Bool {
        guard index < text.count else { return false }
        let word = text.tokens[index].word
        return !caselessNotNames.contains(word) && !isNotName(word) && !(word.count > 5 && word.hasSuffix("ing"))
    }

    private static func name(at index: Int, in text: TextTokens, needsCapital: Bool, caseless: Bool = false, single: Bool = false) -> String? {
        var index = index
        var parts: [String] = []
        if index < text.count, titles.contains(text.tokens[index].word) {
            parts.append(capitalised(text.tokens[index].word))
            index += 1
        }
        guard index < text.count else { return nil }
        let first = text.tokens[index]
        guard first.word.allSatisfy(\.isLetter), first.word.count > 1, !isNotName(first.word), !needsCapital || first.isCapitalised else {
            return nil
        }
        parts.append(capitalised(first.surface))
        let second = index + 1
        // A surname: capitalised, or in a caseless transcript a name-like word before a pause ("this is bob fisher, you…").
        if !single, second < text.count, text.tokens[second].breakBefore == 0,
            text.tokens[second].isCapitalised || (caseless && standsAlone(second, in: text) && isCaselessName(second, in: text)),
            text.tokens[second].word.allSatisfy(\.isLetter), !isNotName(text.tokens[second].word), !followers.contains(text.tokens[second].word)
        {
            parts.append(capitalised(text.tokens[second].surface))
        }
        return parts.joined(separator: " ")
    }

    /// The name to show: the caller ID when it is a person's name and agrees with the name said
    /// ("Priya Shah" for "this is Priya"), else the name said, else whatever the caller ID shows.
    static func best(said: String?, callerID: String?) -> String {
        let id = callerID.map(trimmedSpaces) ?? ""
        guard let said, !said.isEmpty else { return id }
        let generic = id.isEmpty || id == id.uppercased() || id.contains(where: \.isNumber)
        if !generic, id.lowercased().hasPrefix(said.lowercased().split(separator: " ")[0]) { return id }
        return said
    }

    /// Foundation's trimming on every lead's caller ID was 2.5 % of a million-call run (perf); most
    /// need none, which a look at both ends tells.
    private static func trimmedSpaces(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        guard first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func isNotName(_ word: String) -> Bool { notNames.contains(word) }

    static func capitalised(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }
}
