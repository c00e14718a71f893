import Foundation
import RingbackTesting
import Testing

@testable import RingbackCore

@Suite struct LeadClassifierTests {
    let now = Fixtures.central(20, 17)

    func assess(_ calls: [Call], lists: ContactLists = ContactLists(), office: OfficeInput = .none, at now: Date? = nil) -> LeadAssessment {
        let rules = Fixtures.rules(lists: lists)
        let lead = LeadBuilder(rules: rules).leads(from: calls, anchors: [:])[0]
        return LeadClassifier(rules: rules).assess(lead, office: office, now: now ?? self.now)
    }

    @Test func anUnknownCallerIsANewLeadOwnedByTheOfficeWithADueByInsideHours() {
        let a = assess([Fixtures.missed("a", from: "+15125550142", at: Fixtures.central(20, 9))])
        #expect(a.callerType == .newLead)
        #expect(a.status == .newMissedCall)
        #expect(a.owner == "Office manager")
        #expect(a.urgency == .routine)
        #expect(a.dueBy == Fixtures.central(20, 10))
    }

    @Test func aCallAfterClosingIsDueAnHourAfterTheNextOpening() {
        let a = assess([Fixtures.missed("a", from: "+15125550142", at: Fixtures.central(20, 22))], at: Fixtures.central(21, 7))
        // Friday 22:00 → Saturday opens 08:00 → due 09:00.
        #expect(a.dueBy == Fixtures.central(21, 9))
        #expect(a.afterHours)
    }

    @Test func anEmergencyGoesToStaffReviewAndTheOnCallOwnerAfterHours() {
        let a = assess(
            [Fixtures.missed("a", from: "+15125550142", at: Fixtures.central(20, 23), voicemail: "We have an ACTIVE LEAK in the attic")],
            at: Fixtures.central(20, 23, 5))
        #expect(a.callerType == .emergency)
        #expect(a.status == .staffReview)
        #expect(a.urgency == .emergency)
        #expect(a.owner == "On-call tech")
        #expect(a.dueBy == Fixtures.central(20, 23, 15))
        #expect(a.service?.name == "Leak repair")
        #expect(a.nextAction.contains("active leak"))
    }

    @Test func listsDecideExistingCustomersActiveJobsVendorsAndSpam() {
        let lists = ContactLists(
            customers: ["+15125550130": .init(name: "Alice", zip: "78704")],
            activeJobs: ["+15125550188": .init(name: "Rebecca", address: "1200 Barton Springs Rd", zip: "78704", reference: "J-1042", owner: "Luis")],
            vendors: ["+15125550155": .init(name: "Ferguson")],
            spam: ["+15125550166"])
        let customer = assess([Fixtures.missed("a", from: "+15125550130", at: Fixtures.central(20, 9))], lists: lists)
        #expect(customer.callerType == .existingCustomer)
        #expect(customer.owner == "Dispatcher")
        #expect(customer.callerName == "Alice")
        let job = assess([Fixtures.missed("a", from: "+15125550188", at: Fixtures.central(20, 9))], lists: lists)
        #expect(job.callerType == .activeJobProblem)
        #expect(job.owner == "Luis")
        #expect(job.urgency == .sameDay)
        #expect(job.summary.contains("J-1042"))
        let vendor = assess([Fixtures.missed("a", from: "+15125550155", at: Fixtures.central(20, 9))], lists: lists)
        #expect(vendor.callerType == .vendorSpamWrongNumber)
        #expect(vendor.status == .closedNotAFit)
        #expect(vendor.dueBy == nil)
        let spam = assess([Fixtures.missed("a", from: "+15125550166", at: Fixtures.central(20, 9))], lists: lists)
        #expect(spam.status == .closedNotAFit)
    }

    @Test func transcriptsDecideComplexQuotesWrongNumbersAndServiceArea() {
        let quote = assess([
            Fixtures.missed("a", from: "+15125550144", at: Fixtures.central(20, 9), voicemail: "Looking for an estimate on a bathroom remodel, 78704")
        ])
        #expect(quote.callerType == .complexQuote)
        #expect(quote.owner == "Estimator")
        #expect(quote.zip == "78704")
        #expect(quote.inServiceArea == true)
        let wrong = assess([Fixtures.missed("a", from: "+15125550160", at: Fixtures.central(20, 9), voicemail: "oh sorry, wrong number")])
        #expect(wrong.callerType == .vendorSpamWrongNumber)
        let far = assess([Fixtures.missed("a", from: "+18305550102", at: Fixtures.central(20, 9), voicemail: "furnace out in New Braunfels 78130")])
        #expect(far.inServiceArea == false)
        #expect(far.status == .staffReview)  // heard, not known: a person checks before closing
        #expect(far.nextAction.contains("ZIP 78130") && far.nextAction.contains("outside the service area"))
        let listed = assess(
            [Fixtures.missed("a", from: "+18305550102", at: Fixtures.central(20, 9))],
            lists: ContactLists(customers: ["+18305550102": .init(name: "Gina", zip: "78130")]))
        #expect(listed.status == .closedNotAFit)
        #expect(listed.nextAction.contains("outside the service area"))
    }

    @Test(
        arguments: [
            ("We're at 4410 Avenue B, 78751. Please call back", "78751"),
            ("my zip is 78704 and the address is 10500 Burnet Road", "78704"),
            ("drain is clogged, we are at 10500 Burnet Road", nil),
            ("remodel, budget around 25000 dollars", nil),
            ("zip code 78745", "78745"),
            ("call 512 555 0100", nil),
            ("we're in 78745", "78745"),
        ] as [(String, String?)])
    func zipCodesAreReadOnlyWhereTheyReadAsZIPs(transcript: String, zip: String?) {
        #expect(LeadClassifier.zip(in: [transcript]) == zip)
    }

    @Test func statusFollowsLaterCallsAndTheWindow() {
        let number = "+15125550142"
        let missed = Fixtures.missed("a", from: number, at: Fixtures.central(20, 9))
        #expect(assess([missed, Fixtures.unanswered("b", to: number, at: Fixtures.central(20, 10))]).status == .awaitingReply)
        #expect(assess([missed, Fixtures.answered("b", with: number, at: Fixtures.central(20, 10))]).status == .qualified)
        #expect(assess([missed], at: Fixtures.central(23, 10)).status == .staffReview, "nobody called back: escalated, not closed")
        let tried = [
            missed, Fixtures.unanswered("b", to: number, at: Fixtures.central(20, 10)),
            Fixtures.unanswered("c", to: number, at: Fixtures.central(20, 11)),
        ]
        #expect(assess(tried, at: Fixtures.central(23, 10)).status == .awaitingReply)
        #expect(assess(tried, at: Fixtures.central(23, 12)).status == .closedNoResponse)
        #expect(
            assess([missed, Fixtures.answered("b", with: number, at: Fixtures.central(20, 10))], at: Fixtures.central(25, 10)).status == .qualified)
    }

    @Test func threeMissedCallsMakeALeadSameDay() {
        let number = "+15125550142"
        let a = assess((0..<3).map { Fixtures.missed("m\($0)", from: number, at: Fixtures.central(20, 9, $0 * 10)) })
        #expect(a.urgency == .sameDay)
        #expect(a.summary.hasPrefix("3 missed calls"))
    }

    @Test func officeInputOverridesStatusOwnerAndTypeAndAnAppointmentBooks() {
        let missed = Fixtures.missed("a", from: "+15125550142", at: Fixtures.central(20, 9))
        let booked = assess([missed], office: OfficeInput(appointment: Fixtures.central(23, 9)))
        #expect(booked.status == .booked)
        #expect(booked.dueBy == nil)
        let corrected = assess([missed], office: OfficeInput(status: .qualified, callerType: .existingCustomer, owner: "Dana"))
        #expect(corrected.status == .qualified)
        #expect(corrected.callerType == .existingCustomer)
        #expect(corrected.owner == "Dana")
    }

    @Test(arguments: [
        ("No heat since last night", true), ("snow heater broke", false), ("NO HEAT!", true), ("there's no heating oil", false),
    ])
    func keywordsMatchWholeWordsOnly(text: String, matches: Bool) {
        #expect(KeywordMatcher(text).contains("no heat") == matches)
    }

    @Test func typographicApostrophesMatchPlainOnes() {
        #expect(KeywordMatcher("Sorry, I didn\u{2019}t mean to call").contains("didn't mean to call"))
    }

    @Test func officeStatusTextIsReadForgivingly() {
        #expect(LeadStatus(officeText: "closed – no response") == .closedNoResponse)
        #expect(LeadStatus(officeText: " booked ") == .booked)
        #expect(LeadStatus(officeText: "Callback pending") == nil)
    }
}
