/// Who is calling, from the business's lists first and then from the voicemail's words: spam and
/// vendor lists, safety words, wrong numbers, robocall and vendor language, active jobs (list, job id,
/// an address on the active-jobs list, "your crew"), quotes, existing customers, else a new lead.
struct CallerTypeRules {
    /// What the lists say about the caller, by number or by what the voicemail named.
    struct Known {
        var spam = false
        var vendor: ContactLists.Entry?
        var job: ContactLists.Entry?
        var jobHeard: String?
        var customer: ContactLists.Entry?
    }

    let vocabulary: Vocabulary

    /// The reason given when the voicemail names no work, no place and asks for nothing: most likely
    /// not a customer, so a person looks before it is closed.
    static let noWorkDescribed = "no work, address, call back or help asked for: likely not a customer"

    func decide(
        _ text: PhraseMatcher, known: Known, safety: (issue: String, match: PhraseMatcher.Match)?, describesWork: Bool = true
    ) -> (CallerType, String) {
        if known.spam { return (.vendorSpamWrongNumber, "on the spam list") }
        if let vendor = known.vendor { return (.vendorSpamWrongNumber, "on the vendors list\(Self.named(vendor.name))") }
        if let safety { return (.emergency, "safety issue \(safety.issue), heard \(Self.quoted(safety.match.heard))") }
        let evidence = self.evidence(text)
        let words = evidence.first.map { (type: $0.type, reason: "\($0.label) \($0.heard.map(Self.quoted).joined(separator: ", "))") }
        if let words, words.type == .vendorSpamWrongNumber { return words }
        if let heard = known.jobHeard { return (.activeJobProblem, "active job named in the voicemail: \(heard)") }
        if let job = known.job {
            return (.activeJobProblem, "on the active-jobs list\(job.reference.isEmpty ? "" : " (\(job.reference))")")
        }
        if let customer = known.customer, words == nil || words?.type == .existingCustomer {
            return (.existingCustomer, "on the customers list\(Self.named(customer.name))")
        }
        if let words { return words }
        if !describesWork, !vocabulary.asksForHelp.isEmpty, text.text.count >= 4, text.firstAffirmed(in: vocabulary.asksForHelp) == nil {
            return (.vendorSpamWrongNumber, Self.noWorkDescribed)
        }
        return (.newLead, "not on any list, no caller-type phrase heard")
    }

    /// The caller types the voicemail's words speak for, strongest first: each list counts the
    /// phrases heard unnegated (words claimed once), ties in the order wrong number, robocall, active
    /// job, existing customer, vendor, quote: "the invoice for the panel you did for us" is a customer.
    func evidence(_ text: PhraseMatcher) -> [(type: CallerType, label: String, heard: [String], score: Int)] {
        let lists: [(CallerType, String, [Phrase])] = [
            (.vendorSpamWrongNumber, "wrong number, heard", vocabulary.wrongNumber),
            (.vendorSpamWrongNumber, "robocall or listing scam, heard", vocabulary.spam),
            (.activeJobProblem, "active-job phrase", vocabulary.activeJob),
            (.existingCustomer, "existing-customer phrase", vocabulary.existingCustomer),
            (.vendorSpamWrongNumber, "vendor or supplier, heard", vocabulary.vendor),
            (.complexQuote, "quote wording", vocabulary.complexQuote),
        ]
        var found: [(type: CallerType, label: String, heard: [String], score: Int)] = []
        for (type, label, phrases) in lists {
            var taken = Set<Int>()
            var heard: [String] = []
            for phrase in phrases {
                for match in text.matches(phrase) where !match.negated && !match.range.contains(where: taken.contains) {
                    taken.formUnion(match.range)
                    heard.append(match.heard)
                }
            }
            if !heard.isEmpty { found.append((type, label, heard, heard.count)) }
        }
        return found.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }

    /// The first safety issue heard without a negation, in the config's order of issues, and whether
    /// its sentence says it is past or passing (then a person decides rather than the on-call owner).
    func safety(in text: PhraseMatcher) -> (issue: String, match: PhraseMatcher.Match, resolved: PhraseMatcher.Match?)? {
        var passing: (issue: String, match: PhraseMatcher.Match, resolved: PhraseMatcher.Match?)?
        for issue in vocabulary.safety {
            for phrase in issue.phrases {
                for match in text.matches(phrase) where !match.negated && !isEquipment(match, in: text) {
                    let sentence = text.text.tokens[match.range.lowerBound].sentence
                    let resolved = vocabulary.resolved.lazy.flatMap { text.matches($0) }
                        .first { !$0.negated && text.text.tokens[$0.range.lowerBound].sentence == sentence }
                    if resolved == nil { return (issue.name, match, nil) }
                    passing = passing ?? (issue.name, match, resolved)
                }
            }
        }
        return passing
    }

    /// The safety word names something to install, said in the same clause ("get carbon monoxide detectors hard wired").
    func isEquipment(_ match: PhraseMatcher.Match, in text: PhraseMatcher) -> Bool {
        let clause = text.text.tokens[match.range.lowerBound].clause
        return vocabulary.installing.contains { phrase in
            text.matches(phrase).contains { request in
                !request.negated && text.text.tokens[request.range.lowerBound].clause == clause
                    && text.text.tokens[request.range.upperBound - 1].clause == clause
            }
        }
    }

    static func named(_ name: String) -> String { name.isEmpty ? "" : " (\(name))" }
    static func quoted(_ text: String) -> String { "\u{201C}\(text)\u{201D}" }
}
