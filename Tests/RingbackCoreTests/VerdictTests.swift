import Foundation
import RingbackTesting
import Testing

@testable import RingbackCore

/// Verdicts as the office sees them: caller types from the words, trades by score, emergencies never
/// routine, the reasons in the Why column.
@Suite struct VerdictTests {
    func rules(lists: ContactLists = ContactLists()) -> BusinessRules {
        var rules = Fixtures.rules(lists: lists)
        rules.services = [
            ServiceRule(name: "Leak repair", trade: "Plumbing", keywords: ["leak", "pipe", "sink"], jobMinutes: 90),
            ServiceRule(name: "Heating repair", trade: "HVAC", keywords: ["furnace", "heater", "no heat"], jobMinutes: 120),
            ServiceRule(name: "Electrical", trade: "Electrical", keywords: ["breaker", "trip", "space heater", "outlet"], jobMinutes: 120),
            ServiceRule(name: "Roof repair", trade: "Roofing", keywords: ["roof", "roof leak", "shingle"], jobMinutes: 180),
        ]
        rules.safetyIssues = [
            SafetyIssue(name: "gas smell", keywords: ["smell gas", "huele a gas"]),
            SafetyIssue(name: "no heat", keywords: ["no heat"]),
        ]
        rules.text = TextRules(
            vendor: ["invoice"], spam: ["press one"], existingCustomer: ["you did our"], activeJob: ["your crew"],
            ambiguous: ["weird smell"], cancel: ["gas station"], resolved: ["came and fixed"])
        return rules
    }

    func assess(_ text: String, lists: ContactLists = ContactLists(), at hour: Int = 10) -> LeadAssessment {
        assess(text, rules: rules(lists: lists), at: hour)
    }

    func assess(_ text: String, rules: BusinessRules, at hour: Int = 10) -> LeadAssessment {
        let call = Fixtures.missed("a", from: "+15125550142", at: Fixtures.central(20, hour), voicemail: text)
        let lead = LeadBuilder(rules: rules).leads(from: [call], anchors: [:])[0]
        return LeadClassifier(rules: rules).assess(lead, now: Fixtures.central(20, hour, 5))
    }

    @Test func callerTypesFromTheWords() {
        #expect(assess("Steve from Ferguson about the invoice").callerType == .vendorSpamWrongNumber)
        #expect(assess("your listing will be removed, press one").callerType == .vendorSpamWrongNumber)
        #expect(assess("you did our water heater last spring and it knocks").callerType == .existingCustomer)
        #expect(assess("your crew left the gate open at the Maple St job").callerType == .activeJobProblem)
        #expect(assess("calling about job J-2210, nobody came").callerType == .activeJobProblem)
    }

    @Test func theCallerTypeWithMostWordsWinsAndTiesFavourTheJobThenTheCustomerOverTheVendor() {
        var rules = rules()
        rules.text.existingCustomer += ["you did", "last spring"]
        rules.text.activeJob += ["the job at"]
        #expect(assess("a question on the invoice for the panel you did for us", rules: rules).callerType == .existingCustomer)
        #expect(assess("Steve from Ferguson about the invoice", rules: rules).callerType == .vendorSpamWrongNumber)
        #expect(assess("you did our deck last spring, now about the job at Elm, your crew left", rules: rules).callerType == .activeJobProblem)
        #expect(assess("you did our deck last spring, the job at Elm was fine, you did our fence too", rules: rules).callerType == .existingCustomer)
        #expect(assess("your crew at the job at Elm left the gate open, you did our deck", rules: rules).callerType == .activeJobProblem)
    }

    @Test func aSafetyWordNamingEquipmentToPutInIsNotAnEmergency() {
        var rules = rules()
        rules.safetyIssues.append(SafetyIssue(name: "carbon monoxide", keywords: ["co detector", "co + going off"]))
        rules.text.installing = ["install|replace + detector"]
        #expect(assess("can you install a co detector by the bedrooms", rules: rules).callerType == .newLead)
        #expect(assess("the c o detector is going off, do we need to replace it", rules: rules).callerType == .emergency)
        #expect(assess("our co detector is going off", rules: rules).callerType == .emergency)
    }

    @Test func wordsThatSayItCanWaitOutweighSoftSameDayWords() {
        var rules = rules()
        rules.sameDayKeywords = ["not cooling", "today"]
        rules.text.routine = ["this week", "no rush"]
        #expect(assess("the ac is not cooling great, sometime this week", rules: rules).urgency == .routine)
        #expect(assess("the ac is not cooling", rules: rules).urgency == .sameDay)
        #expect(assess("there's a weird smell from the furnace, no rush", rules: rules).urgency == .sameDay)
    }

    @Test func aVoicemailAskingForNothingIsTakenForAVendorAndAPersonChecksIt() {
        var rules = rules()
        rules.text.asksForHelp = ["call me", "can you"]
        let shop = assess("hey is this the auto shop, my car is ready", rules: rules)
        #expect(shop.callerType == .vendorSpamWrongNumber)
        #expect(shop.status == .staffReview)
        #expect(shop.verdict.reviewReason != nil)
        #expect(assess("hi it's Kim, call me back when you can", rules: rules).callerType == .newLead)
        #expect(assess("can you put a sprinkler in the yard", rules: rules).callerType == .newLead)
        #expect(assess("the sink drips all night", rules: rules).callerType == .newLead)
        #expect(assess("hello who is this, zip 78704", rules: rules).callerType == .newLead)
        #expect(assess("Steve from Ferguson about the invoice", rules: rules).status == .closedNotAFit)
    }

    @Test func anAddressOnTheActiveJobsListMakesAnActiveJob() {
        let lists = ContactLists(activeJobs: ["+15125550188": .init(name: "Rebecca", address: "1200 Barton Springs Rd", reference: "J-1042")])
        let a = assess("hi, about the work at 1200 Barton Springs, the water is off", lists: lists)
        #expect(a.callerType == .activeJobProblem)
        #expect(a.verdict.why.contains("1200 Barton Springs"))
    }

    @Test func tradesAreChosenByScoreNotFirstMatch() {
        #expect(assess("the space heater keeps tripping the breaker").service?.trade == "Electrical")
        #expect(assess("roof leak over the porch, the shingles are gone").service?.trade == "Roofing")
        #expect(assess("leak under the sink, the pipe drips").service?.trade == "Plumbing")
    }

    @Test func aSafetyWordIsAnEmergencyAfterHoursWithTheOnCallOwnerAndItsNameInTheNextAction() {
        let a = assess("Hola soy Rosa, huele a gas en la cocina", at: 22)
        #expect(a.callerType == .emergency)
        #expect(a.urgency == .emergency)
        #expect(a.status == .staffReview)
        #expect(a.owner == "On-call tech")
        #expect(a.dueBy == Fixtures.central(20, 22, 15))
        #expect(a.nextAction.hasPrefix("Escalate now: caller reports gas smell"))
        #expect(a.verdict.why.contains("huele a gas"))
        #expect(a.callerName == "Rosa")
    }

    @Test func negatedAndCancelledSafetyWordsAreNotEmergencies() {
        #expect(assess("I don't smell gas, the furnace just clicks").callerType == .newLead)
        #expect(assess("the gas station down the road gave me your number").callerType == .newLead)
    }

    @Test func aSafetyWordSaidAsPastGoesToAPersonNotTheOnCallOwner() {
        let a = assess("I could smell gas, the gas company came and fixed it, now the stove needs a look")
        #expect(a.callerType == .newLead)
        #expect(a.status == .staffReview)
        #expect(a.verdict.reviewReason?.contains("came and fixed") == true)
        #expect(assess("I can smell gas, it came back after they left").callerType == .emergency)
    }

    @Test func wordsThatNeedJudgementGoToStaffReviewNotRoutine() {
        let a = assess("there's a weird smell from the furnace")
        #expect(a.status == .staffReview)
        #expect(a.urgency == .sameDay)
        #expect(a.verdict.reviewReason != nil)
    }

    @Test func theSummaryKeepsWhatTheDispatcherNeedsAndTheTranscriptIsWhole() {
        let text =
            "this is Dana at 2210 South Lamar 78704, the pipe under the sink has a leak, call me at 512 555 0199, tomorrow morning is best. Thanks so much, have a good one, bye now, really appreciate it, talk soon"
        let a = assess(text)
        #expect(a.summary.contains("Plumbing: Leak repair"))
        #expect(a.summary.contains("2210 South Lamar 78704"))
        #expect(a.summary.contains("callback (512) 555-0199"))
        #expect(a.summary.contains("prefers tomorrow morning"))
        #expect(a.transcript == text)
    }
}
