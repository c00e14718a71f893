/// The words and placeholder numbers carriers and phone systems put in the caller-ID field when
/// the number is withheld, so those calls are recognised instead of rejected as bad numbers.
enum AnonymousCallerMarkers {
    /// Lowercase, single-spaced forms.
    private static let names: Set<[UInt8]> = Set(
        [
            "anonymous", "restricted", "private", "unknown", "unavailable", "withheld", "blocked",
            "unknown caller", "anonymous caller", "private caller", "restricted caller", "blocked caller",
            "unknown number", "private number", "restricted number", "blocked number", "withheld number",
            "number withheld", "no caller id", "caller id blocked", "caller id withheld", "caller id unavailable",
            "not available", "unavailable caller", "out of area", "no number", "null", "none", "n/a",
        ].map { Array($0.utf8) })

    private static let maxNameLength = 32

    /// Whether `bytes[lo..<hi]` is one of the names, ignoring case and runs of spaces, `_` or `-`.
    static func isName(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        guard hi - lo <= maxNameLength * 2 else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxNameLength) { buf in
            var n = 0
            var pendingSpace = false
            for i in lo..<hi {
                let b = bytes[i]
                if ASCIIByte.isWhitespace(b) || b == 0x5F || b == ASCIIByte.minus {
                    pendingSpace = n > 0
                    continue
                }
                if pendingSpace {
                    guard n < maxNameLength else { return false }
                    buf[n] = ASCIIByte.space
                    n += 1
                    pendingSpace = false
                }
                guard n < maxNameLength else { return false }
                buf[n] = ASCIIByte.lowercased(b)
                n += 1
            }
            return names.contains(Array(buf[0..<n]))
        }
    }

    /// Keypad spellings used as caller-ID placeholders: ANONYMOUS, RESTRICTED, BLOCKED,
    /// UNAVAILABLE, UNKNOWN. RESTRICTED (737-874-2833) is also a valid Austin number, so it only
    /// counts when written with a leading `+`.
    static func isPlaceholder(_ digits: DigitRun, plus: Bool) -> Bool {
        switch (digits.count, digits.value) {
        case (9, 266_696_687), (7, 2_562_533), (11, 86_282_452_253), (7, 8_656_696): return true
        case (10, 7_378_742_833): return plus
        default: return false
        }
    }
}
