/// The seed's universal fields as the caller said them: name ("this is Derek", "my name is…", "soy…"),
/// a callback number said aloud, the service address (street and ZIP anywhere, ZIPs said digit by
/// digit), and the preferred time ("after three", "tomorrow morning").
public struct IntakeFields: Sendable, Hashable {
    public var name: String?
    /// Ten digits, as said; the caller ID may differ.
    public var callbackNumber: String?
    public var street: String?
    public var zip: String?
    public var preferredTime: String?

    public init(name: String? = nil, callbackNumber: String? = nil, street: String? = nil, zip: String? = nil, preferredTime: String? = nil) {
        self.name = name
        self.callbackNumber = callbackNumber
        self.street = street
        self.zip = zip
        self.preferredTime = preferredTime
    }

    public static func read(_ text: TextTokens, serviceArea: Set<String> = []) -> IntakeFields {
        IntakeFields(
            name: CallerNameReader.name(in: text), callbackNumber: callback(in: text), street: AddressReader.street(in: text),
            zip: AddressReader.zip(in: text, serviceArea: serviceArea), preferredTime: PreferredTimeReader.time(in: text))
    }

    static func callback(in text: TextTokens) -> String? {
        for token in text.tokens where token.word.allSatisfy(\.isNumber) {
            if token.word.count == 10 { return token.word }
            if token.word.count == 11 && token.word.hasPrefix("1") { return String(token.word.dropFirst()) }
        }
        return nil
    }

    /// "(512) 555-0142" for ten digits.
    public static func display(_ digits: String) -> String {
        let d = Array(digits)
        guard d.count == 10 else { return digits }
        return "(\(String(d[0..<3]))) \(String(d[3..<6]))-\(String(d[6..<10]))"
    }
}
