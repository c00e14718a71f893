import Crypto

/// SHA-256 of a file's bytes, in hex: how a file read before is recognised wherever it now lies.
enum ContentHash {
    static func hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
