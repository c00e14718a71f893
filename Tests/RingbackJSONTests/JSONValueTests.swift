import RingbackJSON
import Testing

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

@Suite struct JSONByteParserTests {
    @Test func readsWhatFoundationWritesIncludingEscapesAndUnicode() throws {
        let text = #"{"a":"\u00e9\ud83c\udf35 \"q\" \\ \/ \n\t","b":[-1.5e3,0,12345678901234567,true,false,null],"c":{},"d":[]}"#
        let value = try JSONValue.parse(Array(text.utf8))
        #expect(value["a"]?.string == "é🌵 \"q\" \\ / \n\t")
        #expect(value["b"]?[0]?.number == -1500)
        #expect(value["b"]?[2]?.number == 12345678901234567)
        #expect(value["b"]?[3] == .bool(true) && value["b"]?[5] == .null)
        #expect(value["c"] == .object([:]) && value["d"] == .array([]))
        #expect(try JSONValue.parse(value.bytes()) == value)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "\"abc", "tru", "1 2", "{\"a\":\"\u{01}\"}", "[01x]", "\"\\x\""])
    func rejectsMalformedDocuments(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array(text.utf8)) }
    }
}
