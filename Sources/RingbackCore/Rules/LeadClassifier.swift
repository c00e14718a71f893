import Foundation

/// Applies the business's rules to a lead: caller type, service, urgency, area, owner, status, next action, due-by.
public struct LeadClassifier: Sendable {
    public let rules: BusinessRules
    let vocabulary: Vocabulary
    /// Active jobs by house number and first street word, to recognise an address said in a voicemail.
    private let jobsByStreet: [String: ContactLists.Entry]

    public init(rules: BusinessRules) {
        self.rules = rules
        vocabulary = Vocabulary(rules)
        var streets: [String: ContactLists.Entry] = [:]
        for entry in rules.lists.activeJobs.values.sorted(by: { $0.reference < $1.reference }) {
            if let key = Self.streetKey(entry.address) { streets[key] = streets[key] ?? entry }
        }
        jobsByStreet = streets
    }

    public func assess(_ lead: Lead, office: OfficeInput = .none, now: Date) -> LeadAssessment {
        let transcript = lead.transcripts.joined(separator: " \n ")
        let text = vocabulary.read(transcript)
        let intake = IntakeFields.read(text.text, serviceArea: rules.serviceAreaZIPs)
        let known = self.known(lead, text: text, intake: intake)
        let verdict = self.verdict(
            lead, text: text, known: known, callerType: office.callerType, saysWhere: intake.zip != nil || intake.street != nil)
        let callerType = verdict.callerType

        let listed = known.job ?? known.customer ?? known.vendor
        let listedZIP = listed.map(\.zip).flatMap { $0.isEmpty ? nil : $0 }
        let zip = listedZIP ?? intake.zip
        let zipHeard = listedZIP == nil && zip != nil
        let inServiceArea: Bool? = zip.map { rules.serviceAreaZIPs.isEmpty || rules.serviceAreaZIPs.contains($0) }

        let afterHours = !rules.hours.isOpen(at: lead.firstMissedAt)
        let route = rules.route(for: callerType)
        let routedOwner = (afterHours ? route.afterHoursOwner : nil) ?? route.owner
        let owner = office.owner ?? (known.job.map(\.owner).flatMap { $0.isEmpty ? nil : $0 } ?? routedOwner)

        var status =
            office.status
            ?? LeadClassifier.status(
                lead: lead, callerType: callerType, inServiceArea: inServiceArea, zipHeard: zipHeard,
                appointment: office.appointment, window: rules.followUpWindow, policy: rules.followUpPolicy, now: now,
                needsReview: verdict.reviewReason != nil)
        let dueBy = self.dueBy(status: status, urgency: verdict.urgency, route: route, lead: lead, reopenedAt: office.reopenedAt)
        let escalated =
            office.status == nil && (status == .newMissedCall || status == .awaitingReply)
            && rules.followUpPolicy.isEscalated(lead, dueBy: dueBy, now: now)
        if escalated { status = .staffReview }
        let address = listed.map(\.address).flatMap { $0.isEmpty ? nil : $0 } ?? intake.street ?? ""

        return LeadAssessment(
            callerType: callerType, service: verdict.service, urgency: verdict.urgency,
            callerName: listed.map(\.name).flatMap { $0.isEmpty ? nil : $0 } ?? CallerNameReader.best(said: intake.name, callerID: lead.callerName),
            address: address, zip: zip ?? "", inServiceArea: inServiceArea,
            afterHours: afterHours, owner: owner, status: status,
            nextAction: escalated
                ? overdueAction(lead)
                : nextAction(
                    status: status, route: route, lead: lead, inServiceArea: inServiceArea, zip: zip ?? "",
                    verdict: verdict),
            dueBy: dueBy,
            summary: SummaryLine.summary(
                lead: lead, verdict: verdict, intake: intake, address: address, zip: zip ?? "",
                job: known.job, text: text),
            appointment: office.appointment, verdict: verdict, intake: intake,
            transcript: lead.transcripts.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }.joined(separator: " / "))
    }

    /// The caller type, urgency and trade with their reasons; the office's caller type wins when typed.
    func verdict(
        _ lead: Lead, text: PhraseMatcher, known: CallerTypeRules.Known, callerType officeType: CallerType?, saysWhere: Bool = true
    ) -> Verdict {
        let typeRules = CallerTypeRules(vocabulary: vocabulary)
        let heard = typeRules.safety(in: text)
        let safety = heard.flatMap { $0.resolved == nil ? (issue: $0.issue, match: $0.match) : nil }
        let scored = TradeScoring(vocabulary: vocabulary).score(text)
        var (callerType, typeReason) = typeRules.decide(
            text, known: known, safety: safety, describesWork: saysWhere || scored.service != nil)
        let guessed = typeReason == CallerTypeRules.noWorkDescribed
        if let officeType, officeType != callerType { (callerType, typeReason) = (officeType, "set by the office") }
        var review = callerType == .emergency ? nil : text.firstAffirmed(in: vocabulary.ambiguous)
        if callerType != .emergency, let heard, let resolved = heard.resolved {
            review = PhraseMatcher.Match(
                phrase: heard.issue, range: heard.match.range, negated: false,
                heard: "\(heard.match.heard)\u{201D} with \u{201C}\(resolved.heard)")
        }
        let (urgency, urgencyReason) = self.urgency(callerType, attempts: lead.attempts, text: text, safety: safety?.issue, review: review)
        let trade = callerType == .vendorSpamWrongNumber ? .init(service: nil, reason: "") : scored
        return Verdict(
            callerType: callerType, callerTypeReason: "\(callerType.rawValue): \(typeReason)", urgency: urgency,
            urgencyReason: urgencyReason, service: trade.service, tradeReason: trade.reason,
            safetyIssue: callerType == .emergency ? safety?.issue : nil,
            safetyHeard: callerType == .emergency ? safety?.match.heard : nil,
            reviewReason: guessed && officeType == nil
                ? "the voicemail names no work and asks for no call back or help"
                : review.map { "\(CallerTypeRules.quoted($0.heard)) needs a person's judgement" })
    }

    /// What the lists know of the caller: by number, by a job reference said, or by an active job's address said.
    private func known(_ lead: Lead, text: PhraseMatcher, intake: IntakeFields) -> CallerTypeRules.Known {
        let number = lead.customer.e164
        var known = CallerTypeRules.Known(
            spam: number.map { rules.lists.spam.contains($0) } ?? false, vendor: number.flatMap { rules.lists.vendors[$0] },
            job: number.flatMap { rules.lists.activeJobs[$0] }, customer: number.flatMap { rules.lists.customers[$0] })
        guard known.job == nil else { return known }
        let words = Set(text.text.tokens.map(\.word))
        if let entry = rules.lists.activeJobs.values.sorted(by: { $0.reference < $1.reference }).first(where: { entry in
            let reference = TextTokens(entry.reference).tokens.map(\.word)
            return !reference.isEmpty && reference.allSatisfy(words.contains) && reference.contains { $0.contains(where: \.isNumber) }
        }) {
            known.job = entry
            known.jobHeard = "job \(entry.reference)"
        } else if let street = intake.street, let key = Self.streetKey(street), let entry = jobsByStreet[key] {
            known.job = entry
            known.jobHeard = "address \(street)\(entry.reference.isEmpty ? "" : " (\(entry.reference))")"
        } else if let reference = JobReference.heard(in: lead.transcripts.joined(separator: " ")) {
            known.jobHeard = "job reference \u{201C}\(reference)\u{201D}"
        }
        return known
    }

    static func streetKey(_ address: String) -> String? {
        let words = TextTokens(address).tokens.map(\.word)
        guard words.count >= 2, words[0].allSatisfy(\.isNumber) else { return nil }
        return "\(words[0]) \(words[1])"
    }

    private func urgency(
        _ callerType: CallerType, attempts: Int, text: PhraseMatcher, safety: String?, review: PhraseMatcher.Match?
    ) -> (Urgency, String) {
        switch callerType {
        case .emergency: return (.emergency, "safety issue \(safety ?? "reported")")
        case .vendorSpamWrongNumber: return (.routine, "not a customer's job")
        case .activeJobProblem: return (.sameDay, "an active job's problem")
        default: break
        }
        if attempts >= rules.repeatCallsForSameDay { return (.sameDay, "\(attempts) missed calls") }
        if let match = text.firstAffirmed(in: vocabulary.sameDay) {
            if let wait = text.firstAffirmed(in: vocabulary.routine), review == nil {
                return (.routine, "heard \(CallerTypeRules.quoted(wait.heard)) over \(CallerTypeRules.quoted(match.heard))")
            }
            return (.sameDay, "heard \(CallerTypeRules.quoted(match.heard))")
        }
        if let review { return (.sameDay, "heard \(CallerTypeRules.quoted(review.heard)): a person decides") }
        return (.routine, "no safety or same-day words heard")
    }

    /// When an open lead is due: its route's SLA from the first missed call (speed to lead), from the
    /// last activity while awaiting a reply, and never from before the office reopened it; counted in
    /// business hours unless the route or the urgency says around the clock.
    private func dueBy(status: LeadStatus, urgency: Urgency, route: Route, lead: Lead, reopenedAt: Date?) -> Date? {
        guard status.isOpen && status != .qualified else { return nil }
        var from = status == .awaitingReply ? lead.lastActivityAt : lead.firstMissedAt
        if let reopenedAt, reopenedAt > from { from = reopenedAt }
        let minutes = urgency == .sameDay ? min(route.slaMinutes, 120) : route.slaMinutes
        return route.aroundTheClock || urgency == .emergency
            ? from.addingTimeInterval(TimeInterval(minutes * 60))
            : rules.hours.adding(minutes: minutes, to: from)
    }

    /// The status model's transitions, from the calls and the office's appointment. A ZIP from the
    /// business's lists outside the area closes the lead; one only heard in a voicemail asks a person.
    /// A conversation qualifies a lead, emergencies included. Words that need judgement send a lead to
    /// Staff review rather than the routine queue. A lead closes for no response only after the
    /// policy's callback attempts and a quiet window after the last of them.
    public static func status(
        lead: Lead, callerType: CallerType, inServiceArea: Bool?, zipHeard: Bool = false,
        appointment: Date?, window: TimeInterval, policy: FollowUpPolicy = FollowUpPolicy(), now: Date, needsReview: Bool = false
    ) -> LeadStatus {
        if (callerType == .vendorSpamWrongNumber && !needsReview) || (inServiceArea == false && !zipHeard) { return .closedNotAFit }
        if appointment != nil { return .booked }
        if lead.wasReached { return .qualified }
        if inServiceArea == false { return .staffReview }
        if callerType == .emergency { return .staffReview }
        if policy.mayClose(lead, window: window, now: now) { return .closedNoResponse }
        if needsReview { return .staffReview }
        if lead.outboundAttempts > 0 { return .awaitingReply }
        return .newMissedCall
    }

    private func nextAction(status: LeadStatus, route: Route, lead: Lead, inServiceArea: Bool?, zip: String, verdict: Verdict) -> String {
        switch status {
        case .newMissedCall:
            return lead.customer.e164 == nil ? "No callback number: review the voicemail, then close or match to a caller" : route.nextAction
        case .awaitingReply:
            return "Follow up at the next interval (\(lead.outboundAttempts) callback attempt\(lead.outboundAttempts == 1 ? "" : "s") so far)"
        case .qualified: return "Book, estimate, or escalate"
        case .booked: return "Confirm the appointment with the customer"
        case .staffReview:
            if let issue = verdict.safetyIssue {
                let heard = verdict.safetyHeard.map { $0.lowercased() == issue.lowercased() ? "" : " (\(CallerTypeRules.quoted($0)))" } ?? ""
                return "Escalate now: caller reports \(issue)\(heard). \(route.nextAction)"
            }
            if inServiceArea == false { return "Check the address: ZIP \(zip) from the voicemail is outside the service area" }
            if let reason = verdict.reviewReason { return "Staff review: \(reason); decide how urgent it is. \(route.nextAction)" }
            return "Owner must accept, reject, or request more info"
        case .closedNoResponse: return "None: keep for reporting"
        case .closedNotAFit:
            if inServiceArea == false { return "None: outside the service area" }
            return verdict.callerType == .vendorSpamWrongNumber ? "None: vendor, spam, or wrong number" : "None: not a fit"
        }
    }

    /// What an escalated lead asks of a person: it is overdue and nobody has reached the caller.
    private func overdueAction(_ lead: Lead) -> String {
        let needed = rules.followUpPolicy.attemptsBeforeClose
        return "Overdue, nobody has reached the caller (\(lead.outboundAttempts) of \(needed) callback attempts): call now, or close the lead"
    }

    /// The ZIP a transcript gives, as the rules read it (kept for callers of the old helper).
    static func zip(in transcripts: [String]) -> String? {
        for text in transcripts.reversed() {
            if let zip = AddressReader.zip(in: TextTokens(text), serviceArea: []) { return zip }
        }
        return nil
    }
}
