/// English month, weekday and RFC 822 zone names as they appear in exported timestamps.
enum NameTables {
    /// The first three letters, lowercased, packed big-endian into one integer.
    @inline(__always)
    private static func key3(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UInt32 {
        UInt32(ASCIIByte.lowercased(b[r.lowerBound])) << 16
            | UInt32(ASCIIByte.lowercased(b[r.lowerBound + 1])) << 8
            | UInt32(ASCIIByte.lowercased(b[r.lowerBound + 2]))
    }

    private static let monthNames: [StaticString] = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]
    private static let weekdayNames: [StaticString] = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// Month number 1...12 for `Oct`, `OCT`, `October`, `Sept`.
    static func month(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard r.count >= 3 else { return nil }
        let m: Int
        switch key3(b, r) {
        case 0x6A616E: m = 1
        case 0x666562: m = 2
        case 0x6D6172: m = 3
        case 0x617072: m = 4
        case 0x6D6179: m = 5
        case 0x6A756E: m = 6
        case 0x6A756C: m = 7
        case 0x617567: m = 8
        case 0x736570: m = 9
        case 0x6F6374: m = 10
        case 0x6E6F76: m = 11
        case 0x646563: m = 12
        default: return nil
        }
        if r.count == 3 || fullName(b, r, monthNames[m - 1]) { return m }
        return m == 9 && r.count == 4 && ASCIIByte.lowercased(b[r.lowerBound + 3]) == 0x74 ? 9 : nil
    }

    /// ISO weekday 1...7 for `Fri`, `FRI`, `Friday`, `Tues`, `Thur`.
    static func weekday(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard r.count >= 3 else { return nil }
        let d: Int
        switch key3(b, r) {
        case 0x6D6F6E: d = 1
        case 0x747565: d = 2
        case 0x776564: d = 3
        case 0x746875: d = 4
        case 0x667269: d = 5
        case 0x736174: d = 6
        case 0x73756E: d = 7
        default: return nil
        }
        if r.count == 3 || fullName(b, r, weekdayNames[d - 1]) { return d }
        if r.count == 4, d == 2 || d == 4 {
            return b.hasLowercasedPrefix(d == 2 ? "tues" : "thur", at: r.lowerBound, end: r.upperBound) ? d : nil
        }
        return nil
    }

    @inline(__always)
    private static func fullName(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ name: StaticString) -> Bool {
        r.count == name.utf8CodeUnitCount && b.hasLowercasedPrefix(name, at: r.lowerBound, end: r.upperBound)
    }

    /// UTC offset in hours for the zone names RFC 822 defines (military letters other than Z excluded).
    static func zone(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        switch r.count {
        case 1:
            return ASCIIByte.lowercased(b[r.lowerBound]) == 0x7A ? 0 : nil
        case 2:
            return b.hasLowercasedPrefix("ut", at: r.lowerBound, end: r.upperBound) ? 0 : nil
        case 3:
            switch key3(b, r) {
            case 0x757463, 0x676D74: return 0
            case 0x657374: return -5
            case 0x656474: return -4
            case 0x637374: return -6
            case 0x636474: return -5
            case 0x6D7374: return -7
            case 0x6D6474: return -6
            case 0x707374: return -8
            case 0x706474: return -7
            default: return nil
            }
        default:
            return nil
        }
    }
}
