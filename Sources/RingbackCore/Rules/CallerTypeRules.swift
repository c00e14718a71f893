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
        for (phrases, label) in [(vocabulary.wrongNumber, "wrong number"), (vocabulary.spam, "robocall or listing scam"),
                                 (vocabulary.vendor, "vendor or supplier")] {
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

    /// The first safety issue heard without a negation, in the config's order of issues.
    func safety(in text: PhraseMatcher) -> (issue: String, match: PhraseMatcher.Match)? {
        for issue in vocabulary.safety {
            if let match = text.firstAffirmed(in: issue.phrases) { return (issue.name, match) }
        }
        return nil
    }

    static func named(_ name: String) -> String { name.isEmpty ? "" : " (\(name))" }
    static func quoted(_ text: String) -> String { "\u{201C}\(text)\u{201D}" }
}
