import Logging
import RingbackLogging
import Testing

@Suite struct LoggingSetupTests {
    @Test func formatsParseFromTheFlagValue() {
        #expect(LogFormat(argument: "text") == .text)
        #expect(LogFormat(argument: " JSON ") == .json)
        #expect(LogFormat(argument: "yaml") == nil)
        #expect(LogFormat.allCases.map(\.rawValue) == ["text", "json"])
    }

    @Test func levelsFromFlags() {
        #expect(LoggingSetup.level(quiet: false, verbose: false) == .info)
        #expect(LoggingSetup.level(quiet: false, verbose: true) == .debug)
        #expect(LoggingSetup.level(quiet: true, verbose: false) == .warning)
        #expect(LoggingSetup.level(quiet: true, verbose: true) == .warning)
    }

    @Test(arguments: LogFormat.allCases)
    func quietDropsInfoAndNoticeButKeepsWarningsAndErrors(format: LogFormat) {
        let (logger, sink) = makeLogger(format, level: LoggingSetup.level(quiet: true, verbose: false))
        logger.debug("d")
        logger.info("reading calls.csv")
        logger.notice("3 new leads")
        logger.warning("list tab missing")
        logger.error("pull failed")
        logger.critical("state store unreadable")
        #expect(sink.lines.count == 3)
        #expect(sink.lines.allSatisfy { !$0.contains("calls.csv") && !$0.contains("new leads") })
        #expect(sink.lines[0].contains("list tab missing"))
        #expect(sink.lines[2].contains("state store unreadable"))
    }

    @Test func defaultLevelIsInfo() {
        let (logger, sink) = makeLogger(.text, level: LoggingSetup.level(quiet: false, verbose: false))
        logger.debug("hidden")
        logger.info("shown")
        #expect(sink.lines == ["2026-11-20T23:00:01Z INFO shown"])
    }

    @Test func handlerFollowsTheChosenFormat() {
        let (text, textSink) = makeLogger(.text)
        let (json, jsonSink) = makeLogger(.json)
        text.info("hi")
        json.info("hi")
        #expect(textSink.lines == ["2026-11-20T23:00:01Z INFO hi"])
        #expect(jsonSink.lines == [#"{"label":"ringback.sync","level":"info","message":"hi","time":"2026-11-20T23:00:01Z"}"#])
    }

    @Test func levelIsAValuePerLogger() {
        let (base, sink) = makeLogger(.text)
        var chatty = base
        chatty.logLevel = .debug
        base.debug("from base")
        chatty.debug("from chatty")
        #expect(sink.lines == ["2026-11-20T23:00:01Z DEBUG from chatty"])
    }
}
