/// The business's words compiled once per run into phrases, so each lead is only matched, not parsed.
struct Vocabulary: Sendable {
    struct Issue: Sendable {
        var name: String
        var phrases: [Phrase]
    }

    var safety: [Issue]
    var sameDay: [Phrase]
    var complexQuote: [Phrase]
    var wrongNumber: [Phrase]
    var vendor: [Phrase]
    var spam: [Phrase]
    var existingCustomer: [Phrase]
    var activeJob: [Phrase]
    var ambiguous: [Phrase]
    var cancel: [Phrase]
    var resolved: [Phrase]
    var installing: [Phrase]
    var routine: [Phrase]
    var asksForHelp: [Phrase]
    var soundAlikes: SoundAlikes
    var joins: WordJoins
    var services: [(rule: ServiceRule, phrases: [Phrase])]
    /// How many trades list each keyword: a shared one counts for each in part.
    var tradesByStems: [[String]: Set<String>] = [:]

    init(_ rules: BusinessRules) {
        let concepts = Concepts(rules.text.concepts)
        let compile: ([String]) -> [Phrase] = { $0.flatMap(concepts.expand).map(Phrase.init).filter(\.isUsable) }
        safety = rules.safetyIssues.map { Issue(name: $0.name, phrases: compile($0.keywords)) }
        sameDay = compile(rules.sameDayKeywords)
        complexQuote = compile(rules.complexQuoteKeywords)
        wrongNumber = compile(rules.wrongNumberKeywords)
        vendor = compile(rules.text.vendor)
        spam = compile(rules.text.spam)
        existingCustomer = compile(rules.text.existingCustomer)
        activeJob = compile(rules.text.activeJob)
        ambiguous = compile(rules.text.ambiguous)
        cancel = compile(rules.text.cancel)
        resolved = compile(rules.text.resolved)
        installing = compile(rules.text.installing)
        routine = compile(rules.text.routine)
        asksForHelp = compile(rules.text.asksForHelp)
        soundAlikes = SoundAlikes(rules.text.soundAlikes)
        services = rules.services.map { ($0, compile($0.keywords)) }
        let all =
            safety.flatMap(\.phrases) + sameDay + complexQuote + wrongNumber + vendor + spam + existingCustomer + activeJob
            + ambiguous + resolved + installing + routine + services.flatMap(\.phrases)
        joins = WordJoins(known: Set(all.flatMap { $0.isCompound ? $0.parts.flatMap { $0.flatMap(\.stems) } : $0.stems }))
        for (rule, phrases) in services {
            for phrase in phrases { tradesByStems[phrase.stems, default: []].insert(rule.trade) }
        }
    }

    /// A transcript read with these words.
    func read(_ transcript: String) -> PhraseMatcher {
        PhraseMatcher(TextTokens(transcript, soundAlikes: soundAlikes, joins: joins), cancelling: cancel)
    }
}
