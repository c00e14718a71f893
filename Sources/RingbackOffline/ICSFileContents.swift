import RingbackCodecs
import RingbackCore

/// An ICS file as read for a run: the events it parsed, and the VEVENT blocks of frozen leads kept as
/// read, unparsed, so a file holding years of settled events costs a scan rather than a parse.
package struct ICSFileContents: Sendable {
    package var found: [String: FoundEvent]
    /// Frozen leads' VEVENT blocks, in file order, as the file held them.
    package var settled: [UInt8] = []
    /// The file without the settled blocks: what is parsed.
    var rest: [UInt8] = []

    package init(found: [String: FoundEvent], settled: [UInt8] = []) {
        self.found = found
        self.settled = settled
    }

    /// Splits the file's bytes into the blocks whose UID is in `frozen` and the rest.
    init(_ bytes: [UInt8], settling frozen: Set<String>) {
        found = [:]
        var cut = 0
        rest.reserveCapacity(bytes.count)
        for block in ICalendarEventBlocks.scan(bytes) {
            guard let uid = block.uid, frozen.contains(uid) else { continue }
            rest += bytes[cut..<block.range.lowerBound]
            settled += bytes[block.range]
            cut = block.range.upperBound
        }
        rest += bytes[cut...]
    }

    /// The bytes with every line ending in CRLF, as RFC 5545 asks: a block an app saved with bare line
    /// feeds is written back in the file's form.
    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 32)
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0A, previous != 0x0D { out.append(0x0D) }
            out.append(byte)
            previous = byte
        }
        if let last = out.last, last != 0x0A { out += [0x0D, 0x0A] }
        return out
    }
}
