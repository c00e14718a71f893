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

    func decide(_ text: PhraseMatcher, known: Known, safety: (issue: String, match: PhraseMatcher.Match)?) -> (CallerType, String) {
        if known.spam { return (.vendorSpamWrongNumber, "on the spam list") }
        if let vendor = known.vendor { return (.vendorSpamWrongNumber, "on the vendors list\(Self.named(vendor.name))") }
        if let safety { return (.emergency, "safety issue \(safety.issue), heard \(Self.quoted(safety.match.heard))") }
        for (phrases, label) in [
            (vocabulary.wrongNumber, "wrong number"), (vocabulary.spam, "robocall or listing scam"),
            (vocabulary.vendor, "vendor or supplier"),
        ] {
            if let match = text.firstAffirmed(in: phrases) { return (.vendorSpamWrongNumber, "\(label), heard \(Self.quoted(match.heard))") }
        }
        if let heard = known.jobHeard { return (.activeJobProblem, "active job named in the voicemail: \(heard)") }
        if let job = known.job {
            return (.activeJobProblem, "on the active-jobs list\(job.reference.isEmpty ? "" : " (\(job.reference))")")
        }
        if let match = text.firstAffirmed(in: vocabulary.activeJob) { return (.activeJobProblem, "active-job phrase \(Self.quoted(match.heard))") }
        if let match = text.firstAffirmed(in: vocabulary.complexQuote) { return (.complexQuote, "quote wording \(Self.quoted(match.heard))") }
        if let customer = known.customer { return (.existingCustomer, "on the customers list\(Self.named(customer.name))") }
        if let match = text.firstAffirmed(in: vocabulary.existingCustomer) {
            return (.existingCustomer, "existing-customer phrase \(Self.quoted(match.heard))")
        }
        return (.newLead, "not on any list, no caller-type phrase heard")
    }

    /// The first safety issue heard without a negation, in the config's order of issues, and whether
    /// its sentence says it is past or passing (then a person decides rather than the on-call owner).
    func safety(in text: PhraseMatcher) -> (issue: String, match: PhraseMatcher.Match, resolved: PhraseMatcher.Match?)? {
        var passing: (issue: String, match: PhraseMatcher.Match, resolved: PhraseMatcher.Match?)?
        for issue in vocabulary.safety {
            for phrase in issue.phrases {
                for match in text.matches(phrase) where !match.negated {
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

    static func named(_ name: String) -> String { name.isEmpty ? "" : " (\(name))" }
    static func quoted(_ text: String) -> String { "\u{201C}\(text)\u{201D}" }
}
