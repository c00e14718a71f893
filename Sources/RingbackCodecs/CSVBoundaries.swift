/// Finds record boundaries in CSV bytes without parsing them, so a large export can be split into
/// chunks that are read on several cores. A newline ends a record only outside quotes; quotes inside
/// a quoted field come in pairs, so counting them is enough.
public enum CSVBoundaries {
    /// The index just after the first record-ending newline at or after `target`, counting quotes
    /// from `start` (which must begin a record); `range.upperBound` when there is none.
    public static func recordStart(in bytes: ArraySlice<UInt8>, from start: Int, atOrAfter target: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            let base = bytes.startIndex
            var inQuotes = false
            var index = start - base
            let end = buffer.count
            while index < end {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\"") {
                    inQuotes.toggle()
                } else if !inQuotes && (byte == 0x0A || byte == 0x0D) && index + base >= target {
                    if byte == 0x0D && index + 1 < end && buffer[index + 1] == 0x0A { index += 1 }
                    return index + 1 + base
                }
                index += 1
            }
            return end + base
        }
    }

    /// Physical lines a reader counts in `range`: LF, CRLF and lone CR each end one.
    public static func lineBreaks(in bytes: ArraySlice<UInt8>, _ range: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            let base = bytes.startIndex
            var count = 0
            var index = range.lowerBound - base
            let end = range.upperBound - base
            while index < end {
                let byte = buffer[index]
                if byte == 0x0A {
                    count += 1
                } else if byte == 0x0D && !(index + 1 < buffer.count && buffer[index + 1] == 0x0A) {
                    count += 1
                }
                index += 1
            }
            return count
        }
    }
}
