import Logging
import RingbackLogging
import Testing

@Suite struct TextLogHandlerTests {
    @Test func writesStampLevelMessageAndSortedMetadata() {
        let (logger, sink) = makeLogger(.text)
        logger.warning("list tab missing", metadata: ["tab": "Owners", "sheet": "Leads 2026"])
        #expect(sink.lines == [#"2026-11-20T23:00:01Z WARNING list tab missing sheet="Leads 2026" tab=Owners"#])
    }

    @Test func plainLineWithoutMetadata() {
        let (logger, sink) = makeLogger(.text)
        logger.info("sync finished")
        #expect(sink.lines == ["2026-11-20T23:00:01Z INFO sync finished"])
    }

    @Test func callMetadataOverridesLoggerMetadataAndAllAreSorted() {
        var (logger, sink) = makeLogger(.text)
        logger[metadataKey: "run"] = "42"
        logger[metadataKey: "source"] = "twilio"
        logger.error("pull failed", metadata: ["source": "ringcentral", "attempt": "3"])
        #expect(sink.lines == ["2026-11-20T23:00:01Z ERROR pull failed attempt=3 run=42 source=ringcentral"])
    }

    @Test func metadataProviderSitsBetweenLoggerAndCallMetadata() {
        let sink = MemoryLogSink()
        let provider = Logger.MetadataProvider { ["run": "7", "office": "north"] }
        var logger = Logger(label: "t") { label in
            TextLogHandler(label: label, sink: sink, metadataProvider: provider, clock: fixedClock)
        }
        logger[metadataKey: "office"] = "south"
        logger.info("x", metadata: ["run": "8"])
        #expect(sink.lines == ["2026-11-20T23:00:01Z INFO x office=north run=8"])
    }

    @Test func newlinesAndLineSeparatorsStayOnOneLine() {
        let (logger, sink) = makeLogger(.text)
        logger.warning("bad row\nsecond\u{2028}third", metadata: ["cell": "a \"b\"\nc", "tab": "x\ty"])
        #expect(sink.lines == [#"2026-11-20T23:00:01Z WARNING bad row\nsecond\u{2028}third cell="a \"b\"\nc" tab=x\ty"#])
    }

    @Test func nonASCIIStaysReadable() {
        let (logger, sink) = makeLogger(.text)
        logger.notice("caller José", metadata: ["city": "Zürich"])
        #expect(sink.lines == ["2026-11-20T23:00:01Z NOTICE caller José city=Zürich"])
    }

    @Test func nonStringMetadataIsWrittenAsText() {
        let (logger, sink) = makeLogger(.text)
        logger.info("counts", metadata: ["leads": "\(12)", "tabs": ["Leads", "Owners"], "by": ["z": "1", "a": ["2"]]])
        #expect(sink.lines == [#"2026-11-20T23:00:01Z INFO counts by="[a: [2], z: 1]" leads=12 tabs="[Leads, Owners]""#])
    }

    @Test func emptyValueIsQuoted() {
        let (logger, sink) = makeLogger(.text)
        logger.info("x", metadata: ["owner": ""])
        #expect(sink.lines == [#"2026-11-20T23:00:01Z INFO x owner="""#])
    }

    @Test func errorsAddTheirMessageAndType() {
        let (logger, sink) = makeLogger(.text)
        logger.error("Google refused", error: SampleError())
        #expect(
            sink.lines == [#"2026-11-20T23:00:01Z ERROR Google refused error.message="token refused" error.type=RingbackLoggingTests.SampleError"#])
    }
}
