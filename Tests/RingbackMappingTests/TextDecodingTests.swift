import Testing

@testable import RingbackMapping

@Suite struct TextDecodingTests {
    @Test(arguments: [
        ("2009-05-21%2010%3A53%3A46", "2009-05-21 10:53:46"),
        ("%22Jos%C3%A9%20Ram%C3%ADrez%22%20%3C%2B15125550122%3E", "\"José Ramírez\" <+15125550122>"),
        ("+15125550100", "+15125550100"),  // a plus is a plus, not a space
        ("100%", "100%"),  // a stray percent sign is kept
        ("%zz%4", "%zz%4"),
        ("%FF%FE", "\u{FFFD}\u{FFFD}"),  // not UTF-8: replaced, never a failed record
        ("plain", "plain"),
    ])
    func urlDecoding(encoded: String, decoded: String) {
        #expect(TextDecoding.url.decode(encoded) == decoded)
    }
}
