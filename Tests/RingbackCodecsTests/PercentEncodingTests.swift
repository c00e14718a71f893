import Testing

@testable import RingbackCodecs

/// The one percent-encoding Google paths, API queries, redaction and the emulator share.
@Suite struct PercentEncodingTests {
    @Test func everythingButUnreservedIsEncodedInUppercaseHex() {
        #expect(PercentEncoding.encode("'Missed Calls'!A1:T") == "%27Missed%20Calls%27%21A1%3AT")
        #expect(PercentEncoding.encode("team@group.calendar.google.com") == "team%40group.calendar.google.com")
        #expect(PercentEncoding.encode("StartTime>=2026-11-20 +1 ~x_y") == "StartTime%3E%3D2026-11-20%20%2B1%20~x_y")
        #expect(PercentEncoding.encode("é") == "%C3%A9")
    }

    @Test func formsJoinEncodedPairs() {
        #expect(PercentEncoding.form([("grant_type", "refresh_token"), ("a b", "c&d")]) == "grant_type=refresh_token&a%20b=c%26d")
    }

    @Test(arguments: [
        ("2009-05-21%2010%3A53%3A46", "2009-05-21 10:53:46"), ("100%", "100%"), ("%zz%4", "%zz%4"),
        ("+15125550100", "+15125550100"), ("%C3%A9", "é"), ("%FF", "\u{FFFD}"),
    ])
    func decodingKeepsWhatIsNotAnEscape(encoded: String, decoded: String) {
        #expect(PercentEncoding.decode(encoded) == decoded)
    }

    @Test func decodeUndoesEncode() {
        let text = "office@example.com/'Missed Calls'!A1 ✓"
        #expect(PercentEncoding.decode(PercentEncoding.encode(text)) == text)
    }
}
