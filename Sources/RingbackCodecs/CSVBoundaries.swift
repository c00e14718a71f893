/// Finds record boundaries in CSV bytes without building records, so a large export can be split into
/// chunks that are read on several cores. It follows the reader's quoting: a quote opens a quoted field
/// only at the start of a field, `""` inside one is a quote, and text after a closing quote continues
/// the field; a newline ends a record only outside a quoted field.
public enum CSVBoundaries {
    private enum State {
        case fieldStart
        case unquoted
        case quoted
        case quoteInQuoted
    }

    /// The index just after the first record-ending newline at or after `target`, reading from
    /// `start` (which must begin a record); `bytes.endIndex` when there is none.
    public static func recordStart(in bytes: ArraySlice<UInt8>, from start: Int, atOrAfter target: Int, delimiter: UInt8 = UInt8(ascii: ",")) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            let base = bytes.startIndex
            let end = buffer.count
            let quote = UInt8(ascii: "\"")
            var state = State.fieldStart
            var index = start - base
            while index < end {
                let byte = buffer[index]
                let isNewline = byte == 0x0A || byte == 0x0D
                switch state {
                case .quoted:
                    if byte == quote { state = .quoteInQuoted }
                case .fieldStart, .unquoted, .quoteInQuoted:
                    if state == .quoteInQuoted && byte == quote {
                        state = .quoted
                    } else if byte == delimiter {
                        state = .fieldStart
                    } else if isNewline {
                        if byte == 0x0D && index + 1 < end && buffer[index + 1] == 0x0A { index += 1 }
                        if index + base >= target { return index + 1 + base }
                        state = .fieldStart
                    } else if state == .fieldStart && byte == quote {
                        state = .quoted
                    } else {
                        state = .unquoted
                    }
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
