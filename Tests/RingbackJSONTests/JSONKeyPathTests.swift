import Testing

@testable import RingbackJSON

/// The one dotted-path lookup the mapping engine and the API pager share, and scalars as field text.
@Suite struct JSONKeyPathTests {
    static let page: JSONValue = try! JSONValue.parse(
        Array(
            #"""
            {"meta": {"next_page_uri": "/calls?Page=2", "total": 3}, "calls": [{"sid": "CA1"}], "flag": true}
            """#.utf8))

    @Test func dottedPathsWalkObjectMembers() {
        #expect(Self.page.value(at: "meta.next_page_uri") == "/calls?Page=2")
        #expect(Self.page.value(at: "calls")?.array?.count == 1)
        #expect(Self.page.value(at: "") == Self.page)
    }

    @Test func aMissingMemberOrAPathThroughAScalarIsNil() {
        #expect(Self.page.value(at: "meta.previous") == nil)
        #expect(Self.page.value(at: "flag.inner") == nil)
        #expect(Self.page.value(at: "calls.sid") == nil)
    }

    @Test(arguments: [
        ("\"CA1\"", "CA1"), ("1763596800", "1763596800"), ("1763596800.25", "1763596800.25"),
        ("123456789012", "123456789012"), ("4.0", "4"), ("true", "true"), ("false", "false"),
    ])
    func scalarsAsText(json: String, text: String) throws {
        #expect(try JSONValue.parse(Array(json.utf8)).scalarText == text)
    }

    @Test func nullArraysAndObjectsAreNotText() throws {
        for json in ["null", "[1]", "{}"] {
            #expect(try JSONValue.parse(Array(json.utf8)).scalarText == nil)
        }
    }

    @Test func longIntegersCanBeKeptAsTheirDigits() throws {
        let text = Array(#"[12345678901234567, -123456789012345678901, 123456789012345, 1.5e300]"#.utf8)
        #expect(try JSONValue.parse(text, longIntegersAsText: true) == ["12345678901234567", "-123456789012345678901", 123456789012345, 1.5e300])
        #expect(try JSONValue.parse(text)[0] == .number(12345678901234567))
    }
}
