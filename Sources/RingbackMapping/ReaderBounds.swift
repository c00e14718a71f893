import RingbackCore

/// The checks of `ReaderLimits` that come before and after a format's own reader: the file's size,
/// how deep a JSON file nests (scanned in one pass, before any parser builds a tree from it), and
/// each field's length.
enum ReaderBounds {
    /// A reject for the whole file when it is larger, or nests deeper, than its format allows.
    static func reject(_ bytes: [UInt8], format: MappingSpec.Format, file: String) -> RecordReject? {
        let limit = ReaderLimits.fileBytes(format)
        if bytes.count > limit {
            return RecordReject(
                file: file, location: "1", reason: "the file is \(ReaderLimits.megabytes(bytes.count)); the limit is \(ReaderLimits.megabytes(limit))"
            )
        }
        if format == .json, let line = jsonNestingTooDeep(bytes) {
            return RecordReject(
                file: file, location: String(line),
                reason: "arrays and objects are nested more than \(ReaderLimits.nestingDepth) deep")
        }
        return nil
    }

    /// The line where JSON arrays and objects first nest deeper than the limit, or nil.
    static func jsonNestingTooDeep(_ bytes: [UInt8]) -> Int? {
        var depth = 0, line = 1
        var inString = false, escaped = false
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x5B, 0x7B:
                depth += 1
                if depth > ReaderLimits.nestingDepth { return line }
            case 0x5D, 0x7D: depth = max(depth - 1, 0)
            default: break
            }
        }
        return nil
    }

    /// Why a record is refused when one of its fields is longer than a field may be.
    static func oversizedField(_ values: [String], names: [String]) -> RejectReason? {
        guard let slot = values.firstIndex(where: { $0.utf8.count > ReaderLimits.fieldBytes }) else { return nil }
        let name = names.indices.contains(slot) ? names[slot] : "field \(slot + 1)"
        return "`\(name)` is \(ReaderLimits.kilobytes(values[slot].utf8.count)) long; the limit is \(ReaderLimits.kilobytes(ReaderLimits.fieldBytes))"
    }
}
