import Foundation
import Testing

@testable import RingbackMapping

/// Files built to hurt a reader, and files that once crashed or hung one (kept from fuzzing in
/// Fixtures/hostile/): each is one reject naming the file, the line and why, and the run goes on.
/// None may hang: a test that never ends is the failure (no wall-clock timing is asserted).
@Suite struct HostileInputTests {
    @Test(arguments: [
        ("hostile/billion-laughs.cdr.xml", "refused at line 3: it declares the entity `lol`"),
        ("hostile/quadratic-blowup.cdr.xml", "refused at line 2: it declares the entity `a`"),
        ("hostile/external-entity.cdr.xml", "refused at line 2: it declares the entity `x`"),
        ("hostile/invalid-utf8-element-name.cdr.xml", "not well-formed XML near line"),
        ("hostile/nul-bytes.cdr.xml", "not well-formed XML near line"),
        ("hostile/truncated-in-a-tag.cdr.xml", "not well-formed XML near line"),
        ("hostile/deeply-nested.cdr.xml", "not well-formed XML near line 2: Excessive depth in document: 256"),
    ])
    func hostileXMLIsOneRejectWithItsLineAndReason(file: String, reason: String) throws {
        let run = try MappingFixtures.run("freeswitch-xml-cdr", [file])
        #expect(run.legs.isEmpty)
        let reject = try #require(run.rejects.first)
        #expect(run.rejects.count == 1)
        #expect(reject.file == file)
        #expect(reject.location == "1")
        #expect(reject.reason.hasPrefix(reason), "\(reject.reason)")
        #expect(reject.reason.contains("is this a freeswitch-xml-cdr export?"))
    }

    @Test func invalidUTF8IsNamedAsSuch() throws {
        let run = try MappingFixtures.run("freeswitch-xml-cdr", ["hostile/invalid-utf8-element-name.cdr.xml"])
        #expect(run.rejects.first?.reason.contains("UTF-8") == true, "\(run.rejects.map(\.reason))")
    }

    @Test func aPageNestedTooDeepIsRefused() throws {
        let run = try MappingFixtures.run("google-voice-takeout-html", ["hostile/deeply-nested.html"])
        #expect(run.legs.isEmpty)
        // libxml2's HTML parser stops nesting one past its own limit of 256; the tree is refused either way.
        let reject = try #require(run.rejects.first)
        #expect(run.rejects.count == 1)
        #expect(reject.description.hasPrefix("hostile/deeply-nested.html:1: refused: elements are nested 257 deep; the limit is 256"))
    }

    @Test(arguments: ["twilio-calls-json", "ringcentral-call-log-json", "aircall-calls-json"])
    func jsonNestedTooDeepIsRefusedBeforeParsing(mapping: String) throws {
        let run = try MappingFixtures.run(mapping, ["hostile/deeply-nested.json"])
        #expect(run.legs.isEmpty)
        #expect(run.rejects.map(\.description) == ["hostile/deeply-nested.json:1: arrays and objects are nested more than 256 deep"])
    }

    @Test func aFieldLongerThanTheLimitRejectsItsRecordOnly() throws {
        let run = try MappingFixtures.run("twilio-calls-csv", ["hostile/huge-field.csv"])
        #expect(run.legs.count == 2)
        #expect(run.rejects.map(\.location) == ["3"])
        #expect(run.rejects.first?.reason == "`caller_name` is 98 KB long; the limit is 64 KB")
        #expect(run.rejects.first?.raw.count == 300)
    }

    @Test(arguments: [("freeswitch-xml-cdr", 16), ("twilio-calls-json", 256)])
    func aFileOverTheSizeLimitIsRefusedWithBothSizes(mapping: String, limitMB: Int) throws {
        let bytes = [UInt8](repeating: 0x20, count: (limitMB << 20) + (1 << 19))
        let result = try MappingFixtures.engine(mapping).read(bytes: bytes, file: "big")
        #expect(result.rejects.map(\.description) == ["big:1: the file is \(limitMB).5 MB; the limit is \(limitMB) MB"])
    }

    /// A function libxml2 does not know, inside a predicate, shows only on a document with records.
    @Test func anXPathErrorFoundWhileReadingRejectsTheRecordNotTheProcess() throws {
        var spec = try MappingFixtures.spec("freeswitch-xml-cdr")
        spec.fields["billsec"]?.name = "variables/billsec[frobnicate()]"
        let engine = MappingEngine(spec: spec, context: try MappingFixtures.engine("freeswitch-xml-cdr").context)
        let result = engine.read(bytes: try MappingFixtures.bytes("freeswitch/a6-aleg.cdr.xml"), file: "a6.xml")
        #expect(result.legs.isEmpty)
        #expect(result.rejects.map(\.description) == ["a6.xml:(/cdr)[1]: XPath `variables/billsec[frobnicate()]`: Unregistered function"])
    }
}
