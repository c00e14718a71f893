import Foundation
import RingbackCore
import Testing

@testable import RingbackMapping

/// Live API answers include calls still ringing; they are left out until a later pull sees how they ended.
@Suite struct UnfinishedCallsTests {
    func twilioPage(_ status: String, child: String?) -> String {
        let childLeg =
            child.map {
                """
                , {"sid": "CA2", "parent_call_sid": "CA1", "start_time": "Fri, 20 Nov 2026 15:00:02 +0000",
                   "from": "+15125550100", "to": "+15125550177", "direction": "outbound-dial", "status": "\($0)", "duration": "0"}
                """
            } ?? ""
        return """
            {"calls": [{"sid": "CA1", "parent_call_sid": null, "start_time": "Fri, 20 Nov 2026 15:00:00 +0000",
               "from": "+15125550142", "to": "+15125550100", "direction": "inbound", "status": "\(status)", "duration": "0"}\(childLeg)]}
            """
    }

    @Test func aTwilioCallStillRingingIsLeftForALaterPull() throws {
        #expect(try MappingFixtures.run("twilio-calls-json", text: twilioPage("ringing", child: nil)).calls.isEmpty)
        #expect(try MappingFixtures.run("twilio-calls-json", text: twilioPage("in-progress", child: "ringing")).calls.isEmpty)
        let ended = try MappingFixtures.run("twilio-calls-json", text: twilioPage("completed", child: "no-answer"))
        #expect(ended.calls.map(\.outcome) == [.missed])
    }

    @Test func anAircallCallStillInitialIsLeftForALaterPull() throws {
        let ringing = """
            {"calls": [{"id": 501, "direction": "inbound", "status": "initial", "started_at": 1795700000, "answered_at": null,
                        "raw_digits": "+1 512-555-0142", "number": {"digits": "+1 512-555-0100"}, "duration": 0}]}
            """
        #expect(try MappingFixtures.run("aircall-calls-json", text: ringing).calls.isEmpty)
        let done = ringing.replacingOccurrences(of: "\"initial\"", with: "\"done\"")
        #expect(try MappingFixtures.run("aircall-calls-json", text: done).calls.map(\.outcome) == [.missed])
    }
}
