/// Turns bytes from files we do not control into text without ever failing.
///
/// Exports from phone systems and spreadsheets are usually UTF-8, sometimes with a
/// byte order mark, and occasionally damaged. A damaged byte must cost one
/// replacement character, not the whole file.
public enum LenientText: Sendable {
    /// The UTF-8 encoding of U+FEFF, which some editors put at the start of a file.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Decodes UTF-8, dropping a leading byte order mark and replacing each invalid
    /// sequence with U+FFFD.
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        if let decoded = bytes.withContiguousStorageIfAvailable({ decode($0) }) {
            return decoded
        }
        return Array(bytes).withUnsafeBufferPointer { decode($0) }
    }

    /// Decodes UTF-8 from raw memory, with the same rules as `decode(_:)`.
    public static func decode(_ buffer: UnsafeRawBufferPointer) -> String {
        decode(buffer.bindMemory(to: UInt8.self))
    }

    /// Decodes UTF-8 from a typed buffer, with the same rules as `decode(_:)`.
    public static func decode(_ buffer: UnsafeBufferPointer<UInt8>) -> String {
        let body = hasByteOrderMark(buffer) ? UnsafeBufferPointer(rebasing: buffer[3...]) : buffer
        return String(decoding: body, as: UTF8.self)
    }

    /// Whether the buffer starts with the UTF-8 byte order mark.
    public static func hasByteOrderMark(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
    }
}
