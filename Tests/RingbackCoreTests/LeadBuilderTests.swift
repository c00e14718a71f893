import Foundation
import RingbackTesting
import Testing

@testable import RingbackCore

@Suite struct LeadBuilderTests {
    let builder = LeadBuilder(rules: Fixtures.rules())

    @Test func repeatMissedCallsInsideTheWindowAreOneLeadWithAttemptsCounted() {
        let calls = [
            Fixtures.missed("a", from: "+15125550142", at: Fixtures.central(20, 9)),
            Fixtures.missed("b", from: "+15125550142", at: Fixtures.central(20, 10)),
            Fixtures.missed("c", from: "+15125550142", at: Fixtures.central(21, 9)),
        ]
        let leads = builder.leads(from: calls.reversed(), anchors: [:])
        #expect(leads.count == 1)
        #expect(leads[0].attempts == 3)
        #expect(leads[0].missedCalls.map(\.key) == ["a", "b", "c"])
        #expect(leads[0].id == LeadBuilder.leadID(firstCallKey: "a"))
    }

    @Test func aMissedCallAfterTheWindowStartsANewLead() {
        let calls = [
            Fixtures.missed("a", from: "+15125550142", at: Fixtures.central(16, 9)),
            Fixtures.missed("b", from: "+15125550142", at: Fixtures.central(20, 9)),
        ]
        let leads = builder.leads(from: calls, anchors: [:])
        #expect(leads.map(\.attempts) == [1, 1])
        #expect(Set(leads.map(\.id)).count == 2)
    }

    @Test func laterContactIsAttachedAndAnsweredCallsAloneAreNotLeads() {
        let calls = [
            Fixtures.answered("x", with: "+15125550111", at: Fixtures.central(20, 8), direction: .inbound),
            Fixtures.missed("a", from: "+15125550142", at: Fixtures.central(20, 9)),
            Fixtures.unanswered("b", to: "+15125550142", at: Fixtures.central(20, 10)),
            Fixtures.answered("c", with: "+15125550142", at: Fixtures.central(20, 11)),
        ]
        let leads = builder.leads(from: calls, anchors: [:])
        #expect(leads.count == 1)
        #expect(leads[0].laterContacts.map(\.key) == ["b", "c"])
        #expect(leads[0].wasReached)
        #expect(leads[0].outboundAttempts == 2)
    }

    @Test func ownNumbersAndExtensionsAreNotLeadsButAnonymousCallersAreEachTheirOwn() {
        var internalCall = Fixtures.missed("i", from: "+15125550100", at: Fixtures.central(20, 9))
        internalCall.customer = .number("+15125550100")
        var extensionCall = Fixtures.missed("e", from: "x", at: Fixtures.central(20, 9))
        extensionCall.customer = .internalExtension("101")
        var anonymousA = Fixtures.missed("n1", from: "x", at: Fixtures.central(20, 9))
        anonymousA.customer = .anonymous
        var anonymousB = Fixtures.missed("n2", from: "x", at: Fixtures.central(20, 9, 5))
        anonymousB.customer = .anonymous
        let leads = builder.leads(from: [internalCall, extensionCall, anonymousA, anonymousB], anchors: [:])
        #expect(leads.count == 2)
        #expect(leads.allSatisfy { $0.customer == .anonymous && $0.attempts == 1 })
    }

    @Test func anAnchoredLeadKeepsItsIDWhenAnEarlierCallArrivesLate() {
        let later = Fixtures.missed("later", from: "+15125550142", at: Fixtures.central(20, 10))
        let first = builder.leads(from: [later], anchors: [:])
        let anchors = ["later": first[0].id]
        let earlier = Fixtures.missed("earlier", from: "+15125550142", at: Fixtures.central(20, 9))
        let second = builder.leads(from: [earlier, later], anchors: anchors)
        #expect(second.count == 1)
        #expect(second[0].id == first[0].id)
        #expect(second[0].attempts == 2)
    }

    @Test func leadIDsAreStableAndReadable() {
        let id = LeadBuilder.leadID(firstCallKey: "twilio:CA123")
        #expect(id == LeadBuilder.leadID(firstCallKey: "twilio:CA123"))
        #expect(id.hasPrefix("RB-") && id.count == 11)
        #expect(id != LeadBuilder.leadID(firstCallKey: "twilio:CA124"))
        #expect(!id.contains("I") && !id.contains("O") && !id.contains("L") && !id.contains("U"))
    }
}
