/// Byte-level character classes shared by the parsers, which all work on UTF-8 input.
enum ASCIIByte {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let plus: UInt8 = 0x2B
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let comma: UInt8 = 0x2C
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let slash: UInt8 = 0x2F
    static let hash: UInt8 = 0x23
    static let at: UInt8 = 0x40
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let lessThan: UInt8 = 0x3C
    static let greaterThan: UInt8 = 0x3E
    static let quote: UInt8 = 0x22
    static let apostrophe: UInt8 = 0x27
    static let equals: UInt8 = 0x3D
    static let zero: UInt8 = 0x30

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 { isLetter(b) ? b | 0x20 : b }

    @inline(__always)
    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
}

extension UnsafeBufferPointer<UInt8> {
    /// Bounds of the slice `lo..<hi` with ASCII whitespace removed from both ends.
    @inline(__always)
    func trimmedBounds(_ lo: Int, _ hi: Int) -> (Int, Int) {
        var lo = lo, hi = hi
        while lo < hi, ASCIIByte.isWhitespace(self[lo]) { lo += 1 }
        while hi > lo, ASCIIByte.isWhitespace(self[hi - 1]) { hi -= 1 }
        return (lo, hi)
    }

    /// Case-insensitive comparison of `self[at...]` with a lowercase ASCII literal.
    @inline(__always)
    func hasLowercasedPrefix(_ literal: StaticString, at index: Int, end: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard end - index >= n else { return false }
        let p = literal.utf8Start
        for k in 0..<n where ASCIIByte.lowercased(self[index + k]) != p[k] { return false }
        return true
    }
}

extension String {
    /// Runs `body` over the string's UTF-8 bytes without copying when the storage is contiguous.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = self
        return copy.withUTF8(body)
    }
}
