import Foundation

/// The booking step of a lead's evaluation: the job a person put on a crew calendar for it (which books
/// it), the windows offered to a routine lead in the service area, and the suggested message.
/// A bookable lead with no window in the horizon goes to a person (Staff review).
public struct LeadBooking: Sendable {
    public let rules: BusinessRules
    public let availability: CrewAvailability
    public let now: Date
    /// The crew calendars were read this run (a job missing from them is really gone).
    public let calendarsRead: Bool
    let bookings: CrewBookings
    let message: SuggestedMessage

    public init(rules: BusinessRules, availability: CrewAvailability?, now: Date) {
        self.rules = rules
        self.availability = availability ?? CrewAvailability()
        self.now = now
        calendarsRead = availability != nil
        bookings = CrewBookings(jobs: availability?.jobs ?? [])
        message = SuggestedMessage(scripts: rules.scripts, company: rules.businessName, windowText: WindowText(zone: rules.hours.zone))
    }

    /// The job on a crew calendar that books this lead, if the office typed no appointment.
    public func crewJob(for lead: Lead, callerName: String, office: OfficeInput) -> CrewJobEvent? {
        guard office.appointment == nil else { return nil }
        return bookings.job(for: lead, callerName: callerName)
    }

    /// The job that set the lead's appointment, when one starts at that time: its reference stays in Why.
    public func bookedJob(for lead: Lead, callerName: String, appointment: Date?) -> CrewJobEvent? {
        guard let appointment, let job = bookings.job(for: lead, callerName: callerName), job.start == appointment else { return nil }
        return job
    }

    /// Whether a lead may be offered windows: routine work of a known service (so a crew of its trade
    /// can be chosen) in the service area, from a new lead or an existing customer, that no person needs
    /// to look at first (not Staff review, not an active job's problem, not a complex quote, which the
    /// estimator takes). A lead whose scope is not known yet gets its questions asked first.
    public static func isBookable(_ a: LeadAssessment) -> Bool {
        [.newMissedCall, .awaitingReply, .qualified].contains(a.status) && a.urgency == .routine && a.inServiceArea == true
            && (a.callerType == .newLead || a.callerType == .existingCustomer) && a.service != nil
    }

    public struct Offer: Sendable, Hashable {
        public var windows: [OfferedWindow]
        /// The Offered Windows cell: the windows, or why there are none.
        public var cell: String
    }

    /// The Offered Windows cell for the windows found (see `OfferAllocation`, which hands them out).
    func offer(_ outcome: BookingWindows.Outcome) -> Offer {
        switch outcome {
        case .offered(let windows):
            let text = WindowText(zone: rules.booking?.hours.zone ?? rules.hours.zone)
            return Offer(windows: windows, cell: windows.map { "\(text.format($0)) (\($0.crew))" }.joined(separator: "; "))
        case .none(let why):
            return Offer(windows: [], cell: "None: \(why); a person books it")
        }
    }

    /// A bookable lead with no window goes to a person.
    public func routed(_ a: LeadAssessment, offer: Offer?) -> LeadAssessment {
        guard let offer, offer.windows.isEmpty, a.status != .staffReview else { return a }
        var routed = a
        routed.status = .staffReview
        routed.nextAction = "Book by hand: \(offer.cell.dropFirst("None: ".count).split(separator: ";").first ?? "no window free")"
        return routed
    }

    public func suggestedMessage(for lead: Lead, _ a: LeadAssessment, offer: Offer?) -> String {
        message.message(for: a, windows: offer?.windows ?? [], smsConsent: smsConsent(lead) != nil)
    }

    /// The `sms_consent` list's entry for the caller's number.
    func smsConsent(_ lead: Lead) -> ContactLists.Entry? { lead.customer.e164.flatMap { rules.lists.smsConsent[$0] } }

    /// The Consent/Source Note of a caller on the `sms_consent` list; nil leaves the renderer's "no SMS consent on record".
    public func consent(for lead: Lead) -> String? {
        guard let entry = smsConsent(lead) else { return nil }
        let line = lead.missedCalls[0].businessLine.e164.map { " to \($0)" } ?? ""
        let note = entry.reference.isEmpty ? "" : " (\(entry.reference))"
        return "Inbound call\(line) via \(lead.missedCalls[0].source); SMS consent on record\(note)"
    }
}
