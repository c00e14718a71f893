import RingbackCodecs
import RingbackSeededRandom
import Testing

@Suite struct SpreadsheetTextTests {
    @Test(arguments: [
        "=1+2", "+15125550100", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"y\")",
        "\t=1+2", "\r=1", "\n=1", "  =1+2", " +1", "＝1+2", "00123", "1234567890123456",
    ])
    func riskyCellsGetAnApostrophe(value: String) {
        #expect(SpreadsheetText.isRisky(value))
        #expect(SpreadsheetText.protect(value) == "'" + value)
    }

    @Test(arguments: ["", "Smith, John", "5125550100", "45", "0", "(512) 555-0100", "a=b", "Fri, 18 Oct 2019 17:00:00 +0000", "   "])
    func harmlessCellsAreUnchanged(value: String) {
        #expect(!SpreadsheetText.isRisky(value))
        #expect(SpreadsheetText.protect(value) == value)
    }

    @Test func valuesStartingWithApostropheAreEscaped() {
        #expect(SpreadsheetText.protect("'quoted") == "''quoted")
        #expect(SpreadsheetText.protect("'=1") == "''=1")
        #expect(SpreadsheetText.unprotect("''=1") == "'=1")
        #expect(SpreadsheetText.unprotect("'+15125550100") == "+15125550100")
    }

    @Test func unprotectInvertsProtectForRandomStrings() {
        var generator = SeededRandom(seed: 99)
        for _ in 0..<5000 {
            let value = RandomText.string(maxLength: 8, using: &generator)
            let cell = SpreadsheetText.protect(value)
            #expect(SpreadsheetText.unprotect(cell) == value)
            #expect(cell.hasPrefix("'") || !SpreadsheetText.isRisky(cell))
        }
    }
}
