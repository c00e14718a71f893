import Foundation

/// Applies the business's rules to a lead: caller type, service, urgency, area, owner, status, next action, due-by.
public struct LeadClassifier: Sendable {
    public let rules: BusinessRules

    public init(rules: BusinessRules) {
        self.rules = rules
    }

    public func assess(_ lead: Lead, office: OfficeInput = .none, now: Date) -> LeadAssessment {
        let number = lead.customer.e164
        let matcher = KeywordMatcher(lead.transcripts.joined(separator: " \n "))
        let job = number.flatMap { rules.lists.activeJobs[$0] }
        let customer = number.flatMap { rules.lists.customers[$0] }
        let vendor = number.flatMap { rules.lists.vendors[$0] }
        let isSpam = number.map { rules.lists.spam.contains($0) } ?? false
        let emergencyWord = matcher.firstMatch(in: rules.emergencyKeywords)

        let computedType = callerType(spam: isSpam, vendor: vendor != nil, job: job != nil, customer: customer != nil,
                                      emergency: emergencyWord != nil, matcher: matcher)
        let callerType = office.callerType ?? computedType

        let service = rules.services.first { rule in rule.keywords.contains { matcher.contains($0) } }
        let known = job ?? customer ?? vendor
        let listedZIP = known.map(\.zip).flatMap { $0.isEmpty ? nil : $0 }
        let zip = listedZIP ?? LeadClassifier.zip(in: lead.transcripts)
        let zipHeard = listedZIP == nil && zip != nil
        let inServiceArea: Bool? = zip.map { rules.serviceAreaZIPs.isEmpty || rules.serviceAreaZIPs.contains($0) }

        let urgency = self.urgency(callerType, attempts: lead.attempts, matcher: matcher)

        let afterHours = !rules.hours.isOpen(at: lead.firstMissedAt)
        let route = rules.route(for: callerType)
        let routedOwner = (afterHours ? route.afterHoursOwner : nil) ?? route.owner
        let owner = office.owner ?? (job.map(\.owner).flatMap { $0.isEmpty ? nil : $0 } ?? routedOwner)

        let status = office.status ?? LeadClassifier.status(
            lead: lead, callerType: callerType, inServiceArea: inServiceArea, zipHeard: zipHeard,
            appointment: office.appointment, window: rules.followUpWindow, now: now)

        let dueBy = self.dueBy(status: status, urgency: urgency, route: route, lead: lead)

        return LeadAssessment(
            callerType: callerType, service: service, urgency: urgency,
            callerName: known.map(\.name).flatMap { $0.isEmpty ? nil : $0 } ?? lead.callerName ?? "",
            address: known?.address ?? "", zip: zip ?? "", inServiceArea: inServiceArea,
            afterHours: afterHours, owner: owner, status: status,
            nextAction: nextAction(status: status, route: route, lead: lead, inServiceArea: inServiceArea, zip: zip ?? "",
                                   callerType: callerType, emergencyWord: emergencyWord),
            dueBy: dueBy,
            summary: LeadClassifier.summary(lead: lead, service: service, job: job),
            appointment: office.appointment)
    }

    /// Lists first, then the voicemail's words: spam and vendors, emergencies, active jobs, quotes, customers.
    private func callerType(spam: Bool, vendor: Bool, job: Bool, customer: Bool, emergency: Bool, matcher: KeywordMatcher) -> CallerType {
        if spam || vendor || matcher.firstMatch(in: rules.wrongNumberKeywords) != nil { return .vendorSpamWrongNumber }
        if emergency { return .emergency }
        if job { return .activeJobProblem }
        if matcher.firstMatch(in: rules.complexQuoteKeywords) != nil { return .complexQuote }
        if customer { return .existingCustomer }
        return .newLead
    }

    private func urgency(_ callerType: CallerType, attempts: Int, matcher: KeywordMatcher) -> Urgency {
        if callerType == .emergency { return .emergency }
        if attempts >= rules.repeatCallsForSameDay || matcher.firstMatch(in: rules.sameDayKeywords) != nil || callerType == .activeJobProblem {
            return .sameDay
        }
        return .routine
    }

    /// When an open lead is due: its route's SLA from the last missed call (or the last activity while
    /// awaiting a reply), counted in business hours unless the route or the urgency says around the clock.
    private func dueBy(status: LeadStatus, urgency: Urgency, route: Route, lead: Lead) -> Date? {
        guard status.isOpen && status != .qualified else { return nil }
        let from = status == .awaitingReply ? lead.lastActivityAt : lead.lastMissedAt
        let minutes = urgency == .sameDay ? min(route.slaMinutes, 120) : route.slaMinutes
        return route.aroundTheClock || urgency == .emergency
            ? from.addingTimeInterval(TimeInterval(minutes * 60))
            : rules.hours.adding(minutes: minutes, to: from)
    }

    /// The status model's transitions, from the calls and the office's appointment. A ZIP from the
    /// business's lists outside the area closes the lead; one only heard in a voicemail asks a person.
    public static func status(lead: Lead, callerType: CallerType, inServiceArea: Bool?, zipHeard: Bool = false,
                              appointment: Date?, window: TimeInterval, now: Date) -> LeadStatus {
        if callerType == .vendorSpamWrongNumber || (inServiceArea == false && !zipHeard) { return .closedNotAFit }
        if inServiceArea == false && appointment == nil { return .staffReview }
        if appointment != nil { return .booked }
        if callerType == .emergency { return .staffReview }
        if lead.wasReached { return .qualified }
        if now.timeIntervalSince(lead.lastActivityAt) > window { return .closedNoResponse }
        if lead.outboundAttempts > 0 { return .awaitingReply }
        return .newMissedCall
    }

    private func nextAction(status: LeadStatus, route: Route, lead: Lead, inServiceArea: Bool?, zip: String, callerType: CallerType, emergencyWord: String?) -> String {
        switch status {
        case .newMissedCall:
            return lead.customer.e164 == nil ? "No callback number: review the voicemail, then close or match to a caller" : route.nextAction
        case .awaitingReply:
            return "Follow up at the next interval (\(lead.outboundAttempts) callback attempt\(lead.outboundAttempts == 1 ? "" : "s") so far)"
        case .qualified: return "Book, estimate, or escalate"
        case .booked: return "Confirm the appointment with the customer"
        case .staffReview:
            if let word = emergencyWord { return "Escalate now: caller reports \(word). \(route.nextAction)" }
            if inServiceArea == false { return "Check the address: ZIP \(zip) from the voicemail is outside the service area" }
            return "Owner must accept, reject, or request more info"
        case .closedNoResponse: return "None: keep for reporting"
        case .closedNotAFit:
            if inServiceArea == false { return "None: outside the service area" }
            return callerType == .vendorSpamWrongNumber ? "None: vendor, spam, or wrong number" : "None: not a fit"
        }
    }

    static func summary(lead: Lead, service: ServiceRule?, job: ContactLists.Entry?) -> String {
        var parts: [String] = []
        let calls = lead.attempts == 1 ? "1 missed call" : "\(lead.attempts) missed calls"
        parts.append(lead.hasVoicemail ? "\(calls), voicemail left" : calls)
        if let service { parts.append("\(service.trade): \(service.name)") }
        if let job, !job.reference.isEmpty { parts.append("active job \(job.reference)") }
        if case .unusable(_, let reason) = lead.customer { parts.append("caller number unusable: \(reason)") }
        if let transcript = lead.transcripts.last {
            let flat = transcript.split(whereSeparator: \.isNewline).joined(separator: " ")
            let clipped = flat.count > 160 ? String(flat.prefix(157)) + "..." : flat
            parts.append("\"\(clipped)\"")
        }
        return parts.joined(separator: "; ")
    }

    /// The last five-digit number in the transcripts that reads as a ZIP: said after "zip" or "code",
    /// or ending a phrase ("…Avenue B, 78751."). A street number or an amount ("10500 Burnet Road",
    /// "25000 dollars") is followed by more words and is not taken.
    static func zip(in transcripts: [String]) -> String? {
        for text in transcripts.reversed() {
            let characters = Array(text)
            var found: String?
            var index = 0
            while index < characters.count {
                guard characters[index].isNumber else {
                    index += 1
                    continue
                }
                let start = index
                while index < characters.count && characters[index].isNumber { index += 1 }
                guard index - start == 5, start == 0 || !(characters[start - 1].isLetter || characters[start - 1].isNumber) else { continue }
                let before = String(characters[max(0, start - 30)..<start]).lowercased().split { !$0.isLetter }.suffix(3)
                var after = index
                while after < characters.count && characters[after] == " " { after += 1 }
                let endsPhrase = after >= characters.count || ".,;!?)\n".contains(characters[after])
                if before.contains("zip") || before.contains("code") || (endsPhrase && (index >= characters.count || !characters[index].isLetter)) {
                    found = String(characters[start..<index])
                }
            }
            if let found { return found }
        }
        return nil
    }
}
