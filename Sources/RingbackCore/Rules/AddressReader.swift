/// The service address in a voicemail: a street ("4410 Avenue B", "2210 South Lamar", "88 Elm Street")
/// and a ZIP anywhere in the text, said as digits or word by word ("seven eight seven zero four").
/// A five-digit street number, an amount or a phone number is not a ZIP.
enum AddressReader {
    static let streetTypes: Set<String> = [
        "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr", "boulevard", "blvd", "way", "court", "ct",
        "circle", "cir", "trail", "trl", "parkway", "pkwy", "highway", "hwy", "cove", "cv", "loop", "pass", "place", "pl",
        "terrace", "calle", "avenida", "camino", "springs", "bend", "run", "path", "square", "plaza",
    ]
    static let notZIPAfter: Set<String> = ["dollars", "dollar", "bucks", "square", "sq", "feet", "ft", "btu", "miles", "pesos", "sf", "per"]
    static let zipWords: Set<String> = ["zip", "code", "postal", "zipcode"]
    /// Words naming the number that follows as something else: "invoice number 44821", "order 78702", "PO 12345".
    static let notZIPBefore: Set<String> = [
        "invoice", "order", "account", "po", "ticket", "reference", "confirmation", "claim", "policy", "statement", "model", "serial",
        "case", "tracking", "factura", "pedido", "cuenta", "orden",
    ]

    static func zip(in text: TextTokens, serviceArea: Set<String>) -> String? {
        var best: (zip: String, rank: Int)?
        for (index, token) in text.tokens.enumerated() where token.word.count == 5 && token.word.allSatisfy(\.isNumber) {
            let after = text.tokens[(index + 1)..<min(text.count, index + 4)].map(\.word)
            if let first = after.first, notZIPAfter.contains(first) { continue }
            let before = text.tokens[max(0, index - 3)..<index].map(\.word)
            let named = before.contains(where: zipWords.contains)
            if !named, isNamedOtherwise(index, in: text) { continue }
            if !named, after.contains(where: streetTypes.contains), index + 1 < text.count, text.tokens[index + 1].breakBefore == 0 { continue }
            let rank = named ? 3 : serviceArea.contains(token.word) ? 2 : 1
            if best == nil || rank >= best!.rank { best = (token.word, rank) }
        }
        return best?.zip
    }

    /// The number at `index` follows, without a pause, a word naming it as something else ("invoice number 44821").
    static func isNamedOtherwise(_ index: Int, in text: TextTokens) -> Bool {
        var previous = index - 1
        while previous >= max(0, index - 2), text.tokens[previous + 1].breakBefore == 0 {
            if notZIPBefore.contains(text.tokens[previous].word) { return true }
            previous -= 1
        }
        return false
    }

    /// A house number followed by capitalised words or a street type, as said.
    static func street(in text: TextTokens) -> String? {
        for (index, token) in text.tokens.enumerated() where (1...5).contains(token.word.count) && token.word.allSatisfy(\.isNumber) {
            var end = index + 1
            var sawType = false
            while end < text.count, end - index <= 4, text.tokens[end].breakBefore == 0 {
                let word = text.tokens[end]
                if streetTypes.contains(word.word) {
                    sawType = true
                } else if !(word.isCapitalised && word.word.allSatisfy(\.isLetter)) && !(sawType && word.word.count == 1) {
                    break
                }
                end += 1
            }
            let words = end - index - 1
            guard words >= 2 || (words == 1 && sawType) else { continue }
            return text.surface(index..<end)
        }
        return nil
    }
}
