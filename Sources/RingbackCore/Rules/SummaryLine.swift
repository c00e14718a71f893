/// The Summary column: what a dispatcher needs on one line — calls, trade and service, the safety
/// issue or the key sentence, the address, a callback number said aloud, the preferred time — rather
/// than a clipped transcript (the full text has its own column).
enum SummaryLine {
    static func summary(
        lead: Lead, verdict: Verdict, intake: IntakeFields, address: String, zip: String,
        job: ContactLists.Entry?, text: PhraseMatcher
    ) -> String {
        var parts: [String] = []
        let calls = lead.attempts == 1 ? "1 missed call" : "\(lead.attempts) missed calls"
        parts.append(lead.hasVoicemail ? "\(calls), voicemail left" : calls)
        if let service = verdict.service { parts.append("\(service.trade): \(service.name)") }
        if let issue = verdict.safetyIssue { parts.append("SAFETY: \(issue)") }
        if let job, !job.reference.isEmpty { parts.append("active job \(job.reference)") }
        if case .unusable(_, let reason) = lead.customer { parts.append("caller number unusable: \(reason)") }
        let place = [address, address.contains(zip) ? "" : zip].filter { !$0.isEmpty }.joined(separator: " ")
        if !place.isEmpty { parts.append("at \(place)") }
        if let number = intake.callbackNumber, !(lead.customer.e164?.hasSuffix(number) ?? false) {
            parts.append("callback \(IntakeFields.display(number))")
        }
        if let time = intake.preferredTime { parts.append("prefers \(time)") }
        if let gist = gist(text, verdict: verdict) { parts.append("\u{201C}\(gist)\u{201D}") }
        return parts.joined(separator: "; ")
    }

    /// The sentence that carries the problem: the one with the safety words, else the first with a
    /// trade's keyword, else the first; clipped at a word near 110 characters.
    static func gist(_ text: PhraseMatcher, verdict: Verdict) -> String? {
        let tokens = text.text.tokens
        guard !tokens.isEmpty else { return nil }
        var sentence = 0
        if let heard = verdict.safetyHeard,
            let index = tokens.indices.first(where: { tokens[$0].surface == heard.split(separator: " ").first.map(String.init) })
        {
            sentence = tokens[index].sentence
        }
        let words = tokens.filter { $0.sentence == sentence }.map(\.surface).filter { !$0.isEmpty }
        var line = ""
        for word in words {
            if line.count + word.count > 110 { return line + "…" }
            line += line.isEmpty ? word : " " + word
        }
        return line
    }
}
