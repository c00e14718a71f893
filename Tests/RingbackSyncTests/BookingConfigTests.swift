import Foundation
import RingbackCore
import Testing

@testable import RingbackSync

/// The `booking:` and `scripts:` sections: read as written, every mistake one line naming the script,
/// placeholder or key.
@Suite struct BookingConfigTests {
    typealias Check = ConfigValidationTests

    @Test func theSampleBookingRulesAreRead() throws {
        let config = try Check.loaded("", "")
        let booking = try #require(config.rules.booking)
        #expect(booking.length(of: .diagnostic) == 90)
        #expect(booking.bufferMinutes == 30 && booking.horizonDays == 7 && booking.minimumNoticeMinutes == 120)
        #expect(booking.type(forTrade: "Remodeling") == .estimate && booking.type(forTrade: "HVAC") == .diagnostic)
        #expect(booking.crews.map(\.name) == ["Plumbing crew", "HVAC crew", "Electrical and roofing crew"])
        #expect(booking.hours.spans[6] == nil && booking.hours.spans[1] == .init(open: 480, close: 1020))
        #expect(config.booking?.calendars.map(\.crew) == booking.crews.map(\.name))
        #expect(config.rules.lists.smsConsent.count == 1)
    }

    /// The sample ships the built-in wording, so a contractor edits what Ringback would use anyway.
    @Test func theSampleScriptsAreTheBuiltInOnes() throws {
        let config = try Check.loaded("", "")
        for situation in ScriptSituation.allCases {
            let sample = config.rules.scripts.script(situation)
            let builtIn = MessageScripts.standard.script(situation)
            #expect(sample.text.source == builtIn.text.source, "\(situation.rawValue).text")
            #expect(sample.call.source == builtIn.call.source, "\(situation.rawValue).call")
        }
    }

    @Test func anUnknownPlaceholderNamesTheScriptAndThePlaceholder() throws {
        let message = try Check.problem(
            "  callback_opening: \"Hi {name},", "  callback_opening: \"Hi {first_name},")
        #expect(
            message
                == "ringback.yaml:\(try ConfigValidationTests.sampleLine("  callback_opening: \"Hi {name},")): scripts.callback_opening: unknown placeholder {first_name}; expected one of {name}, {company}, {window1}, {window2}, {service}, {zip}"
        )
        #expect(message?.contains("\n") == false)
    }

    @Test func onlyRoutineBookingMayNameAWindow() throws {
        let message = try Check.problem(
            "We tried returning your call from {company}.", "We tried returning your call from {company} about {window1}.")
        #expect(message?.contains("scripts.no_answer.text: placeholder {window1} names an offered window") == true)
        #expect(
            try Check.problem("available. Which works better?\"\n    call:", "available. Which works better? {windows}\"\n    call:")?
                .contains("scripts.routine_booking.text: unknown placeholder {windows}") == true)
        #expect(
            try Check.problem("Hi {name}, this is {company}. We can", "Hi {name, this is {company}. We can")?.contains(
                "unknown placeholder {name, this is {company}") == true)
    }

    @Test func bookingMistakesAreOneLineEach() throws {
        #expect(try Check.problem("    diagnostic: 90", "    diagnose: 90")?.contains("unknown appointment type `diagnose`") == true)
        #expect(try Check.problem("    Remodeling: estimate", "    Remodeling: quote")?.contains("found `quote`; expected one of estimate") == true)
        #expect(try Check.problem("  horizon_days: 7 ", "  horizon_days: 400 ") != nil)
        #expect(
            try Check.problem("      ics: crews/hvac.ics", "      google_calendar: hvac@group.calendar.google.com\n      ics: crews/hvac.ics")?
                .contains("crew `HVAC crew` needs one calendar") == true)
        #expect(try Check.problem("    - name: HVAC crew", "    - name: Plumbing crew")?.contains("crew name `Plumbing crew` is used twice") == true)
    }

    @Test func aMissingCrewFileIsAWarningNotAStop() throws {
        let config = try Check.loaded("ics: crews/hvac.ics", "ics: crews/gone.ics")
        #expect(config.warnings.contains { $0.contains("crew `HVAC crew`'s calendar") && $0.contains("gone.ics") && $0.contains("offers no window") })
    }
}
