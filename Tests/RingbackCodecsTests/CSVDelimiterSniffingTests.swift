import RingbackCodecs
import Testing

@Suite struct CSVDelimiterSniffingTests {
    @Test(
        arguments: [
            ("sid,from,to\n1;2;3;4\n", ","),
            ("sid;from;to\n1,2,3\n", ";"),
            ("sid\tfrom\tto\n", "\t"),
            ("\u{FEFF}Datum;Von;\"An, Ziel\"\n", ";"),
            ("\"a;b;c\",d\n", ","),
            ("single\n", ","),
            ("", ","),
            ("a;b,c\n", ","),
        ] as [(String, Character)])
    func sniffsFromTheFirstLine(text: String, expected: Character) {
        #expect(CSVReader.sniffDelimiter(Array(text.utf8)) == expected.asciiValue)
    }
}
