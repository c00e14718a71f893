import Logging
import RingbackJSON
import RingbackLogging
import Testing

@Suite struct JSONLinesLogHandlerTests {
    @Test func oneObjectWithSortedKeysAndStringFields() {
        let (logger, sink) = makeLogger(.json)
        logger.warning("list tab missing", metadata: ["tab": "Owners", "leads": "\(3)"])
        #expect(
            sink.lines == [
                #"{"label":"ringback.sync","leads":"3","level":"warning","message":"list tab missing","tab":"Owners","time":"2026-11-20T23:00:01Z"}"#
            ])
    }

    @Test func trickyStringsAreEscapedAndRoundTrip() throws {
        let tricky = "line\nbreak \"quoted\" back\\slash tab\t bell\u{07} del\u{7F} sep\u{2028}para\u{2029} José 📞"
        let (logger, sink) = makeLogger(.json)
        logger.info("\(tricky)", metadata: ["note": "\(tricky)"])
        let escaped = #"line\nbreak \"quoted\" back\\slash tab\t bell\u0007 del\u007f sep\u2028para\u2029 Jos\u00e9 \ud83d\udcde"#
        #expect(
            sink.lines == [
                #"{"label":"ringback.sync","level":"info","message":""# + escaped + #"","note":""# + escaped + #"","time":"2026-11-20T23:00:01Z"}"#
            ])
        let parsed = try JSONValue.parse(Array(sink.lines[0].utf8))
        #expect(parsed["message"]?.string == tricky)
        #expect(parsed["note"]?.string == tricky)
    }

    @Test func linesArePureASCII() {
        let (logger, sink) = makeLogger(.json)
        logger.info("Zürich \u{2028} 📞")
        #expect(sink.lines[0].unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 })
    }

    @Test func metadataCannotShadowTheRecordFields() throws {
        let (logger, sink) = makeLogger(.json)
        logger.error("real", metadata: ["message": "fake", "level": "debug", "time": "never", "label": "other"])
        let parsed = try JSONValue.parse(Array(sink.lines[0].utf8))
        #expect(parsed["message"]?.string == "real")
        #expect(parsed["level"]?.string == "error")
        #expect(parsed["time"]?.string == "2026-11-20T23:00:01Z")
        #expect(parsed["label"]?.string == "ringback.sync")
        #expect(parsed["metadata.message"]?.string == "fake")
        #expect(parsed["metadata.level"]?.string == "debug")
    }

    @Test func keysAreSortedAcrossRecordFieldsAndMetadata() throws {
        let (logger, sink) = makeLogger(.json)
        logger.info("m", metadata: ["zeta": "1", "alpha": "2", "mid": "3"])
        let keys = sink.lines[0].split(separator: ",").map { $0.drop { $0 == "{" }.split(separator: ":")[0] }
        #expect(keys == [#""alpha""#, #""label""#, #""level""#, #""message""#, #""mid""#, #""time""#, #""zeta""#])
    }

    @Test func errorFieldsAreStrings() throws {
        let (logger, sink) = makeLogger(.json)
        logger.error("Google refused", error: SampleError())
        let parsed = try JSONValue.parse(Array(sink.lines[0].utf8))
        #expect(parsed["error.message"]?.string == "token refused")
        #expect(parsed["error.type"]?.string == "RingbackLoggingTests.SampleError")
    }
}
