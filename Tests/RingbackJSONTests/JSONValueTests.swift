import Testing
import RingbackJSON

@Suite struct JSONValueTests {
    @Test func roundTripsWithSortedKeysAndIntegralNumbers() throws {
        let text = #"{"b":[1,2.5,true,null,"x\"y\n"],"a":{"z":-3}}"#
        let value = try JSONValue.parse(Array(text.utf8))
        #expect(value["a"]?["z"]?.int == -3)
        #expect(value["b"]?[1]?.number == 2.5)
        #expect(value.text == #"{"a":{"z":-3},"b":[1,2.5,true,null,"x\"y\n"]}"#)
        #expect(try JSONValue.parse(value.bytes()) == value)
    }

    @Test func badJSONSaysWhy() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array("{\"a\":".utf8)) }
    }

    @Test func controlCharactersAreEscaped() {
        #expect(JSONValue.string("a\u{01}b").text == #""a\u0001b""#)
    }
}
