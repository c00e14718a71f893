/// Up to 19 decimal digits held in one integer (with their count, so leading zeros survive),
/// letting the phone normaliser split prefixes and country codes without allocating.
struct DigitRun: Hashable {
    static let capacity = 19

    var value: UInt64 = 0
    var count: Int = 0

    @inline(__always)
    static func pow10(_ n: Int) -> UInt64 {
        var p: UInt64 = 1
        for _ in 0..<n { p &*= 10 }
        return p
    }

    /// Appends a digit 0...9; returns false (and keeps counting) once capacity is exceeded.
    @inline(__always)
    mutating func append(_ digit: UInt8) -> Bool {
        count += 1
        guard count <= Self.capacity else { return false }
        value = value &* 10 &+ UInt64(digit)
        return true
    }

    /// The first `k` digits as a number.
    @inline(__always)
    func leading(_ k: Int) -> UInt64 { value / Self.pow10(count - k) }

    @inline(__always)
    func hasPrefix(_ prefix: UInt64, length: Int) -> Bool { count >= length && leading(length) == prefix }

    @inline(__always)
    func digit(at i: Int) -> UInt64 { value / Self.pow10(count - 1 - i) % 10 }

    @inline(__always)
    func droppingLeading(_ k: Int) -> DigitRun { DigitRun(value: value % Self.pow10(count - k), count: count - k) }

    @inline(__always)
    func prepending(_ prefix: UInt64, length: Int) -> DigitRun {
        DigitRun(value: prefix &* Self.pow10(count) &+ value, count: count + length)
    }

    /// The digits as text, optionally after a `+`; fits the small-string form up to 15 bytes.
    func text(plus: Bool) -> String {
        let n = count + (plus ? 1 : 0)
        return String(unsafeUninitializedCapacity: n) { buf in
            var v = value
            var i = n
            while i > (plus ? 1 : 0) {
                i -= 1
                buf[i] = UInt8(truncatingIfNeeded: v % 10) &+ ASCIIByte.zero
                v /= 10
            }
            if plus { buf[0] = ASCIIByte.plus }
            return n
        }
    }
}
