import RingbackCodecs

/// Picks the mapping a file most likely follows, for `inspect` and sources that name none.
public enum MappingGuesser {
    public struct Guess: Sendable {
        public var spec: MappingSpec
        public var score: Int
        /// How many of the mapping's detection hints the file showed, of how many.
        public var matched = 0
        public var hints = 0

        /// The share of the mapping's hints the file showed, 0 to 1.
        public var confidence: Double { hints == 0 ? 0 : Double(matched) / Double(hints) }
    }

    /// The mapping the file most likely follows; nil when none shows enough of its hints (half of a CSV
    /// mapping's header columns; two or half of a JSON or markup mapping's): a file no mapping
    /// describes is not given the nearest one.
    public static func guess(bytes: [UInt8], among specs: [MappingSpec]) -> Guess? {
        ranked(bytes: bytes, among: specs).first
    }

    /// Every mapping that recognises the file, best first (ties in name order), for `inspect` to show
    /// the runner-up.
    public static func ranked(bytes: [UInt8], among specs: [MappingSpec]) -> [Guess] {
        let head = Array(bytes.prefix(65_536))
        let text = LenientText.decode(head)
        let trimmed = text.drop { $0.isWhitespace }
        let looksJSON = trimmed.first == "{" || trimmed.first == "["
        let looksMarkup = trimmed.first == "<"
        var found: [Guess] = []
        for spec in specs {
            let hits: (matched: Int, hints: Int)
            switch spec.format {
            case .json: hits = looksJSON ? count(spec.detect.jsonKeys) { text.contains("\"\($0)\"") } : (0, 0)
            case .csv: hits = looksJSON ? (0, 0) : csvHits(head, spec)
            case .xml, .html: hits = looksMarkup ? count(spec.detect.texts) { text.contains($0) } : (0, 0)
            }
            // JSON keys and markup texts are distinctive enough that two of them do; CSV header names
            // (`direction`, `status`) are not, so most of a CSV mapping's must be there.
            let enough = hits.matched * 2 >= hits.hints || (spec.format != .csv && hits.matched >= 2)
            guard hits.matched > 0, enough else { continue }
            found.append(Guess(spec: spec, score: 1 + hits.matched * 10, matched: hits.matched, hints: hits.hints))
        }
        return found.sorted { $0.score != $1.score ? $0.score > $1.score : $0.spec.name < $1.spec.name }
    }

    private static func count(_ hints: [String], _ present: (String) -> Bool) -> (matched: Int, hints: Int) {
        (hints.filter(present).count, hints.count)
    }

    private static func csvHits(_ head: [UInt8], _ spec: MappingSpec) -> (matched: Int, hints: Int) {
        var firstRecords: [[String]] = []
        let reader = CSVReader(bytes: head, delimiter: CSVReader.sniffDelimiter(head.prefix(4096)))
        _ = reader.forEachRecord { record in
            if firstRecords.count < 5 { firstRecords.append(record.fields) }
        }
        guard let first = firstRecords.first else { return (0, 0) }
        if spec.csvHeader {
            let header = Set(first.map { $0.trimmingWhitespace().lowercased() })
            return count(spec.detect.headerColumns) { header.contains($0.lowercased()) }
        }
        // A damaged row (cut off, ragged) among the first few must not hide the format: most rows
        // must have the right number of columns, and those must all look right.
        let rows = firstRecords.filter { $0.count >= spec.csvMinColumns && $0.count <= max(spec.csvColumns.count, spec.csvMinColumns) }
        guard rows.count * 2 > firstRecords.count, !spec.detect.columnKinds.isEmpty else { return (0, 0) }
        for (column, kind) in spec.detect.columnKinds {
            let agree = rows.filter { column <= $0.count && looks($0[column - 1], like: kind) }.count
            if agree < rows.count { return (0, spec.detect.columnKinds.count) }
        }
        return (spec.detect.columnKinds.count, spec.detect.columnKinds.count)
    }

    private static func looks(_ value: String, like kind: DetectionHints.ValueKind) -> Bool {
        let text = value.trimmingWhitespace()
        switch kind {
        case .dateTime:
            let digits = text.filter(\.isNumber).count
            return digits >= 8 && (text.contains("-") || text.contains("/")) && text.contains(":")
        case .disposition:
            return ["ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION"].contains(text.uppercased())
        case .callerID:
            return text.isEmpty || (text.contains("<") && text.contains(">")) || text.allSatisfy { $0.isNumber || $0 == "+" }
        case .digits:
            return !text.isEmpty && text.allSatisfy(\.isNumber)
        case .uuid:
            let groups = text.split(separator: "-", omittingEmptySubsequences: false)
            return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
        }
    }
}
