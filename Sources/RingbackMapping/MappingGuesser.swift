import RingbackCodecs

/// Picks the mapping a file most likely follows, for `inspect` and sources that name none.
public enum MappingGuesser {
    public struct Guess: Sendable {
        public var spec: MappingSpec
        public var score: Int
    }

    public static func guess(bytes: [UInt8], among specs: [MappingSpec]) -> Guess? {
        let head = Array(bytes.prefix(65_536))
        let text = LenientText.decode(head)
        let trimmed = text.drop { $0.isWhitespace }
        let looksJSON = trimmed.first == "{" || trimmed.first == "["
        let looksMarkup = trimmed.first == "<"
        var best: Guess?
        for spec in specs {
            let score: Int
            switch spec.format {
            case .json: score = looksJSON ? jsonScore(text, spec) : 0
            case .csv: score = looksJSON ? 0 : csvScore(head, spec)
            case .xml, .html: score = looksMarkup ? markupScore(text, spec) : 0
            }
            if score > 0, score > (best?.score ?? 0) { best = Guess(spec: spec, score: score) }
        }
        return best
    }

    private static func jsonScore(_ text: String, _ spec: MappingSpec) -> Int {
        let hits = spec.detect.jsonKeys.filter { text.contains("\"\($0)\"") }.count
        return hits == 0 ? 0 : 1 + hits * 10
    }

    private static func markupScore(_ text: String, _ spec: MappingSpec) -> Int {
        let hits = spec.detect.texts.filter { text.contains($0) }.count
        return hits == 0 ? 0 : 1 + hits * 10
    }

    private static func csvScore(_ head: [UInt8], _ spec: MappingSpec) -> Int {
        var firstRecords: [[String]] = []
        let reader = CSVReader(bytes: head, delimiter: CSVReader.sniffDelimiter(head.prefix(4096)))
        _ = reader.forEachRecord { record in
            if firstRecords.count < 5 { firstRecords.append(record.fields) }
        }
        guard let first = firstRecords.first else { return 0 }
        if spec.csvHeader {
            let header = Set(first.map { $0.trimmingWhitespace().lowercased() })
            let hits = spec.detect.headerColumns.filter { header.contains($0.lowercased()) }.count
            return hits == 0 ? 0 : 1 + hits * 10
        }
        // A damaged row (cut off, ragged) among the first few must not hide the format: most rows
        // must have the right number of columns, and those must all look right.
        let rows = firstRecords.filter { $0.count >= spec.csvMinColumns && $0.count <= max(spec.csvColumns.count, spec.csvMinColumns) }
        guard rows.count * 2 > firstRecords.count else { return 0 }
        var score = 1
        for (column, kind) in spec.detect.columnKinds {
            let agree = rows.filter { column <= $0.count && looks($0[column - 1], like: kind) }.count
            if agree < rows.count { return 0 }
            score += 10
        }
        return score
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
