/// A VEVENT of an iCalendar file as its byte range and UID, found without parsing the event.
public struct ICalendarEventBlock: Sendable, Equatable {
    /// From the start of its `BEGIN:VEVENT` line to the end of its `END:VEVENT` line, line break included.
    public let range: Range<Int>
    /// Nil when the block has no plain `UID:` line (folded, or missing): such a block must be parsed.
    public let uid: String?
}

/// Finds the VEVENT blocks of an iCalendar file line by line, reading no property but the UID, so a
/// file that keeps years of settled events costs a run a scan of its bytes rather than a parse.
public enum ICalendarEventBlocks {
    public static func scan(_ bytes: [UInt8]) -> [ICalendarEventBlock] {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [ICalendarEventBlock] {
        var blocks: [ICalendarEventBlock] = []
        var start: Int?
        var uid: String?
        var uidFolded = false
        var lineStart = 0
        var previousWasUID = false
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(lineEnd + 1, bytes.count)
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<contentEnd])
            if previousWasUID, let first = line.first, first == 0x20 || first == 0x09 { uidFolded = true }
            previousWasUID = false
            if start == nil {
                if matches(line, "BEGIN:VEVENT") { (start, uid, uidFolded) = (lineStart, nil, false) }
            } else if matches(line, "END:VEVENT"), let begin = start {
                blocks.append(ICalendarEventBlock(range: begin..<next, uid: uidFolded ? nil : uid))
                start = nil
            } else if uid == nil, let value = uidValue(line) {
                uid = value
                previousWasUID = true
            }
            lineStart = next
        }
        return blocks
    }

    /// Whether the line is `text`, letters in any case.
    private static func matches(_ line: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        guard line.count == text.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        for index in 0..<line.count where upper(line[index]) != expected[index] { return false }
        return true
    }

    /// The value of a `UID:` line; nil for any other line and for a UID with parameters.
    private static func uidValue(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        guard line.count > 4, upper(line[0]) == 0x55, upper(line[1]) == 0x49, upper(line[2]) == 0x44, line[3] == 0x3A else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: line[4...]), as: UTF8.self)
    }

    private static func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte }
}
