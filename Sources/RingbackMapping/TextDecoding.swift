import RingbackCodecs

/// How a field's text is encoded in an export, undone before the value is read.
public enum TextDecoding: String, Sendable {
    /// Percent-encoding (`2009-05-21%2010%3A53%3A46`), as FreeSWITCH writes its CDR variables.
    /// A `+` stays a plus: these are not form fields, and phone numbers keep it.
    case url

    func decode(_ text: String) -> String {
        switch self {
        case .url: return Self.percentDecoded(text)
        }
    }

    /// Decodes every valid `%XX`; a stray `%` is kept as written, and bytes that are not UTF-8 are read leniently.
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var input = Array(text.utf8)[...]
        while let byte = input.popFirst() {
            if byte == UInt8(ascii: "%"), input.count >= 2,
               let high = hexValue(input[input.startIndex]), let low = hexValue(input[input.startIndex + 1]) {
                bytes.append(high << 4 | low)
                input.removeFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return LenientText.decode(bytes)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
