import Foundation

/// The shape of a postal code in the countries Ringback reads phone numbers for, so a service-area ZIP
/// with a typo (`787O1`) is refused instead of silently never matching. Codes are kept in the form
/// the country writes them (`K1A 0B1`, `SW1A 1AA`), which is how list files and callers give them.
struct PostalCodeFormat: Sendable {
    var country: String
    /// What a code looks like, for the message: "a five-digit ZIP code like 78701".
    var description: String
    private var pattern: String
    /// Where a single space goes in the written form, counted from the end (0: no space).
    private var spaceFromEnd: Int

    static func forCountry(_ code: String) -> PostalCodeFormat {
        switch code {
        case "US": return .init(country: code, description: "a five-digit ZIP code like 78701", pattern: "[0-9]{5}", spaceFromEnd: 0)
        case "CA":
            return .init(
                country: code, description: "a Canadian postal code like K1A 0B1", pattern: "[A-Z][0-9][A-Z][0-9][A-Z][0-9]", spaceFromEnd: 3)
        case "GB":
            return .init(country: code, description: "a UK postcode like SW1A 1AA", pattern: "[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}", spaceFromEnd: 3)
        case "AU", "NZ": return .init(country: code, description: "a four-digit postcode like 2000", pattern: "[0-9]{4}", spaceFromEnd: 0)
        case "IE": return .init(country: code, description: "an Eircode like D02 X285", pattern: "[A-Z][0-9][0-9W][A-Z0-9]{4}", spaceFromEnd: 4)
        case "NL": return .init(country: code, description: "a postcode like 1012 AB", pattern: "[1-9][0-9]{3}[A-Z]{2}", spaceFromEnd: 2)
        case "IN": return .init(country: code, description: "a six-digit PIN code like 110001", pattern: "[1-9][0-9]{5}", spaceFromEnd: 0)
        default: return .init(country: code, description: "a five-digit postal code", pattern: "[0-9]{5}", spaceFromEnd: 0)
        }
    }

    /// The code in its written form, or nil when it is not one.
    func normalised(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let compact = spaceFromEnd > 0 ? trimmed.filter { $0 != " " } : trimmed
        guard compact.range(of: "^\(pattern)$", options: .regularExpression) != nil else { return nil }
        guard spaceFromEnd > 0 else { return compact }
        let cut = compact.index(compact.endIndex, offsetBy: -spaceFromEnd)
        return compact[..<cut] + " " + compact[cut...]
    }
}
