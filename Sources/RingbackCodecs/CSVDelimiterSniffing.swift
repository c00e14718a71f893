extension CSVReader {
    /// Guesses the delimiter from the first line: comma, semicolon or tab, whichever
    /// occurs most outside quotes; comma when none does or on a tie.
    ///
    /// Excel saves "CSV" with semicolons in locales that use the comma as decimal
    /// separator, and some phone systems export tab-separated files.
    public static func sniffDelimiter(_ bytes: some Collection<UInt8>) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var insideQuotes = false
        let body = bytes.starts(with: LenientText.byteOrderMark) ? bytes.dropFirst(3) : bytes[...]
        for byte in body {
            if byte == UInt8(ascii: "\"") {
                insideQuotes.toggle()
            } else if !insideQuotes {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                if let slot = candidates.firstIndex(of: byte) { counts[slot] += 1 }
            }
        }
        var best = 0
        for slot in 1..<candidates.count where counts[slot] > counts[best] { best = slot }
        return candidates[best]
    }
}
