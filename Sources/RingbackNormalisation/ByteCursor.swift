/// A forward-only reader over UTF-8 bytes used by the timestamp and duration parsers.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    let end: Int

    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let (lo, hi) = bytes.trimmedBounds(0, bytes.count)
        self.bytes = bytes
        self.index = lo
        self.end = hi
    }

    @inline(__always) var atEnd: Bool { index >= end }

    @inline(__always) var peek: UInt8? { index < end ? bytes[index] : nil }

    @inline(__always)
    mutating func consume(_ b: UInt8) -> Bool {
        if index < end, bytes[index] == b { index += 1; return true }
        return false
    }

    /// Consumes a case-insensitive match of a lowercase ASCII literal.
    @inline(__always)
    mutating func consume(lowercased literal: StaticString) -> Bool {
        if bytes.hasLowercasedPrefix(literal, at: index, end: end) {
            index += literal.utf8CodeUnitCount
            return true
        }
        return false
    }

    /// Skips whitespace; returns how many bytes were skipped.
    @discardableResult @inline(__always)
    mutating func skipWhitespace() -> Int {
        let start = index
        while index < end, ASCIIByte.isWhitespace(bytes[index]) { index += 1 }
        return index - start
    }

    /// Reads between `min` and `max` decimal digits (greedy) as an integer.
    @inline(__always)
    mutating func digits(min: Int, max: Int) -> Int? {
        var value = 0
        var n = 0
        while n < max, index < end {
            let d = bytes[index] &- ASCIIByte.zero
            if d >= 10 { break }
            value = value &* 10 &+ Int(d)
            index += 1
            n += 1
        }
        return n >= min ? value : nil
    }

    /// Reads a run of digits after a decimal point as nanoseconds (digits past the ninth are dropped).
    @inline(__always)
    mutating func fractionNanoseconds() -> Int? {
        var value = 0
        var n = 0
        while index < end {
            let d = bytes[index] &- ASCIIByte.zero
            if d >= 10 { break }
            if n < 9 { value = value * 10 + Int(d) }
            index += 1
            n += 1
        }
        guard n > 0 else { return nil }
        var k = n
        while k < 9 { value *= 10; k += 1 }
        return value
    }

    /// Reads a run of ASCII letters and returns its bounds.
    @inline(__always)
    mutating func letters() -> Range<Int> {
        let start = index
        while index < end, ASCIIByte.isLetter(bytes[index]) { index += 1 }
        return start..<index
    }
}
