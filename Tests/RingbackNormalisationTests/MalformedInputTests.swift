import Foundation
import RingbackNormalisation
import RingbackSeededRandom
import Testing

/// Random text built from the characters these fields contain must never trap, only be rejected; what
/// is accepted still has the shape each parser promises.
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
            for phone in phones { Self.expectWellFormed(phone.normalise(text), from: text) }
            _ = TimestampParser.rfc2822(text)
            _ = TimestampParser.iso8601(text, defaultZone: chicago)
            _ = TimestampParser.local(text, pattern: pattern, zone: chicago)
            _ = TimestampParser.epochSeconds(text)
            _ = TimestampParser.epochMilliseconds(text)
            if let seconds = DurationParser.seconds(text) { #expect(seconds >= 0, "\(text)") }
            if let seconds = DurationParser.secondsFromMilliseconds(text) { #expect(seconds >= 0, "\(text)") }
        }
    }

    /// E.164 is `+` and 8 to 15 digits; a short code is 2 to 6 digits.
    static func expectWellFormed(_ result: PhoneNumberResult, from text: String) {
        switch result {
        case .number(let e164, _):
            #expect(e164.first == "+" && (9...16).contains(e164.count) && e164.dropFirst().allSatisfy(\.isASCIIDigit), "\(text) → \(e164)")
        case .shortCode(let digits):
            #expect((2...6).contains(digits.count) && digits.allSatisfy(\.isASCIIDigit), "\(text) → \(digits)")
        case .anonymous, .sip, .unusable:
            break
        }
    }

    /// Too large to count in microseconds is refused, never wrapped round; the largest that fits is exact.
    @Test(
        arguments: [
            ("P999999999999W", nil), ("P999999999999DT999999999999H", nil), ("999999999999:59:59", nil),
            ("PT999999999999.999999S", 1_000_000_000_000),
        ] as [(String, Int?)])
    func hugeDurationsAreRejectedOrExact(text: String, seconds: Int?) {
        #expect(DurationParser.seconds(text) == seconds)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
