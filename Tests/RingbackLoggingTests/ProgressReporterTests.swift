import Logging
import RingbackLogging
import Testing

@Suite struct ProgressReporterTests {
    @Test func withoutATerminalWarningsAndNotesStillReachTheLog() {
        let (logger, log) = makeLogger(.text)
        let reporter = ProgressReporter(logger: logger, display: nil)
        reporter.progress("reading the Google Sheet")
        reporter.warning("list tab Owners missing", metadata: ["sheet": "Leads"])
        reporter.note("3 new leads")
        #expect(!reporter.showsProgress)
        #expect(
            log.lines == [
                "2026-11-20T23:00:01Z WARNING list tab Owners missing sheet=Leads",
                "2026-11-20T23:00:01Z NOTICE 3 new leads",
            ])
    }

    @Test func onATerminalProgressIsShownAndWarningsAreLoggedNotShown() {
        let (logger, log) = makeLogger(.json)
        let terminal = MemoryLogSink()
        let reporter = ProgressReporter(logger: logger, display: terminal)
        reporter.progressClosure("twilio: page 2")
        reporter.warning("list tab Owners missing")
        #expect(terminal.lines == ["twilio: page 2"])
        #expect(
            log.lines == [
                #"{"label":"ringback.sync","level":"warning","message":"list tab Owners missing","time":"2026-11-20T23:00:01Z"}"#
            ])
    }

    @Test func withoutATerminalProgressIsADebugRecord() {
        let (logger, log) = makeLogger(.text, level: LoggingSetup.level(quiet: false, verbose: true))
        ProgressReporter(logger: logger, display: nil).progress("classifying 12 leads")
        #expect(log.lines == ["2026-11-20T23:00:01Z DEBUG classifying 12 leads"])
    }

    @Test func quietKeepsWarningsFromTheReporter() {
        let (logger, log) = makeLogger(.text, level: LoggingSetup.level(quiet: true, verbose: false))
        let reporter = ProgressReporter.standardError(logger: logger, quiet: true)
        reporter.progress("hidden")
        reporter.note("hidden too")
        reporter.warning("kept")
        #expect(!reporter.showsProgress)
        #expect(log.lines == ["2026-11-20T23:00:01Z WARNING kept"])
    }
}
