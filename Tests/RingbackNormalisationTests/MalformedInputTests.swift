import Foundation
import Testing
import RingbackNormalisation
import RingbackTestSupport

/// Random text built from the characters these fields contain must never trap, only be rejected.
@Suite struct MalformedInputTests {
    static let alphabet: [String] = [
        "0", "1", "2", "5", "9", "+", "-", ".", ",", ":", ";", "#", "@", "(", ")", "<", ">", "\"", "'", "=", " ",
        "x", "e", "E", "T", "Z", "P", "S", "M", "H", "D", "W", "a", "p", "m", "tel:", "sip:", "ext", "Oct", "Fri",
        "GMT", "\u{00A0}", "\u{2013}", "\u{FEFF}", "é", "00", "011", "999999999999", "2026-03-08", "24:00",
    ]

    @Test func randomTextNeverTraps() throws {
        var rng = SeededRandom(seed: 42)
        let phones = try PhoneNormaliser.supportedCountries.map { try PhoneNormaliser(defaultCountry: $0) }
        let pattern = try LocalPattern("M/d/yyyy h:mm:ss.SSS a")
        let chicago = try LocalZone(identifier: "America/Chicago")
        for _ in 0..<20_000 {
            let length = Int(rng.next() % 12)
            var text = ""
            for _ in 0..<length { text += Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] }
            for phone in phones { _ = phone.normalise(text) }
            _ = TimestampParser.rfc2822(text)
            _ = TimestampParser.iso8601(text, defaultZone: chicago)
            _ = TimestampParser.local(text, pattern: pattern, zone: chicago)
            _ = TimestampParser.epochSeconds(text)
            _ = TimestampParser.epochMilliseconds(text)
            _ = DurationParser.seconds(text)
            _ = DurationParser.secondsFromMilliseconds(text)
        }
    }

    @Test(arguments: ["P999999999999W", "P999999999999DT999999999999H", "999999999999:59:59", "PT999999999999.999999S"])
    func hugeDurationsAreRejectedOrExact(text: String) {
        if let s = DurationParser.seconds(text) { #expect(s > 0) }
    }
}
