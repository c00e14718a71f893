/// Deterministic hashing for IDs and fingerprints; Swift's `Hasher` is seeded per process.
public enum StableHash {
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// FNV-1a followed by a 64-bit finaliser, so every input byte moves every output bit.
    public static func mixed(_ text: String) -> UInt64 {
        var h = fnv1a64(text)
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }

    public static func hex(_ text: String) -> String {
        let value = mixed(text)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Crockford base32 (no I, L, O, U): readable over the phone.
    public static func base32(_ text: String, length: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var value = mixed(text)
        var out = ""
        for _ in 0..<min(length, 12) {
            out.append(alphabet[Int(value & 31)])
            value >>= 5
        }
        return out
    }

    /// Lower-case base32hex (0-9, a-v): the alphabet Google Calendar accepts for event ids.
    public static func base32hex(_ text: String) -> String {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuv")
        var value = mixed(text)
        var out = ""
        for _ in 0..<13 {
            out.append(alphabet[Int(value & 31)])
            value >>= 5
        }
        return out
    }
}
