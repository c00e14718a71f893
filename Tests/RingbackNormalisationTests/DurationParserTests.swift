import RingbackNormalisation
import Testing

@Suite struct DurationParserTests {
    @Test(arguments: [
        ("42", 42), ("42.0", 42), ("0", 0), ("PT18S", 18), ("PT1M5S", 65), ("PT1H2M3S", 3723), ("P0D", 0),
        ("00:05:36", 336), ("5:36", 336), ("1:02:03", 3723), ("  42 ", 42), ("42.4", 42), ("42.5", 43), ("42.49", 42),
        ("PT0S", 0), ("PT1.5S", 2), ("PT2H", 7200), ("P1DT2H", 93_600), ("P1W", 604_800), ("pt1m5s", 65),
        ("75:10", 4510), ("00:00:00", 0), ("10:00:00.6", 36_001), ("0.5", 1), ("007", 7),
    ])
    func seconds(text: String, expected: Int) {
        #expect(DurationParser.seconds(text) == expected)
    }

    @Test(arguments: [
        "", " ", "-5", "-PT5S", "abc", "42s", "PT", "P", "P1Y", "P1M", "PT5S5S", "PT5M1H", "PT1.5M", "P1DT",
        "5:60", "1:60:00", "1:00:60", "1:2", "1:02:03:04", "::", "4 2", "42.", "1e3", "PT-5S", "99999999999999999",
    ])
    func rejects(text: String) {
        #expect(DurationParser.seconds(text) == nil)
    }

    @Test(arguments: [
        ("5600", 6), ("5500", 6), ("5499", 5), ("0", 0), ("999", 1), ("499", 0), ("5600.0", 6), ("1000", 1),
    ])
    func fromMillisecondsRoundsToNearestHalfUp(text: String, expected: Int) {
        #expect(DurationParser.secondsFromMilliseconds(text) == expected)
    }

    @Test(arguments: ["", "-5600", "5.6e3", "PT5S", "00:05"])
    func fromMillisecondsRejects(text: String) {
        #expect(DurationParser.secondsFromMilliseconds(text) == nil)
    }

    @Test func byteOverloads() {
        let a = Array("PT1M5S".utf8).withUnsafeBufferPointer { DurationParser.seconds($0) }
        let b = Array("5600".utf8).withUnsafeBufferPointer { DurationParser.secondsFromMilliseconds($0) }
        #expect(a == 65)
        #expect(b == 6)
    }
}
