/// How one country writes phone numbers: its calling code, how national numbers are dialled
/// (trunk prefix), how international calls are prefixed, and how long its numbers are.
/// Used to read numbers written without `+` in the business's country and to length-check
/// `+CC` numbers for these countries.
struct NumberingPlan: Sendable {
    enum Trunk: Sendable {
        /// North American Numbering Plan: optional leading 1, ten digits.
        case nanp
        /// National numbers are written with a leading 0 that E.164 drops.
        case zero
        /// National numbers start with a 0 that E.164 keeps (Italy's landlines).
        case keptZero
        /// No trunk prefix (Spain, Mexico).
        case none
    }

    struct Prefix: Sendable {
        let value: UInt64
        let length: Int
    }

    let name: String
    let callingCode: UInt64
    let callingCodeLength: Int
    let trunk: Trunk
    let internationalPrefixes: [Prefix]
    /// Digits after the calling code (the national significant number).
    let lengths: ClosedRange<Int>
    /// Whether national numbers are commonly written without the trunk 0 (Indian mobiles).
    let trunkOptional: Bool

    private static let zeroZero = Prefix(value: 0, length: 2)

    private static func plan(
        _ name: String, _ code: UInt64, _ trunk: Trunk, _ lengths: ClosedRange<Int>,
        international: [Prefix] = [zeroZero], trunkOptional: Bool = false
    ) -> NumberingPlan {
        NumberingPlan(
            name: name, callingCode: code, callingCodeLength: String(code).count, trunk: trunk,
            internationalPrefixes: international, lengths: lengths, trunkOptional: trunkOptional)
    }

    static let byCountry: [String: NumberingPlan] = {
        let nanpPrefixes = [Prefix(value: 11, length: 3), zeroZero]
        return [
            "US": plan("US", 1, .nanp, 10...10, international: nanpPrefixes),
            "CA": plan("CA", 1, .nanp, 10...10, international: nanpPrefixes),
            "GB": plan("GB", 44, .zero, 9...10),
            "AU": plan("AU", 61, .zero, 9...9, international: [Prefix(value: 11, length: 4), zeroZero]),
            "IE": plan("IE", 353, .zero, 7...10),
            "NZ": plan("NZ", 64, .zero, 8...10),
            "DE": plan("DE", 49, .zero, 6...13),
            "FR": plan("FR", 33, .zero, 9...9),
            "ES": plan("ES", 34, .none, 9...9),
            "IT": plan("IT", 39, .keptZero, 6...11),
            "NL": plan("NL", 31, .zero, 9...9),
            "MX": plan("MX", 52, .none, 10...10),
            "IN": plan("IN", 91, .zero, 10...10, trunkOptional: true),
        ]
    }()

    static let byCallingCode: [UInt64: NumberingPlan] = {
        var table: [UInt64: NumberingPlan] = [:]
        for (country, plan) in byCountry where country != "CA" { table[plan.callingCode] = plan }
        return table
    }()

    static var supportedCountries: [String] { byCountry.keys.sorted() }

    func lengthsText(_ lengths: ClosedRange<Int>? = nil) -> String {
        let r = lengths ?? self.lengths
        return r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)"
    }
}
