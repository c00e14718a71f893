import Foundation

/// A job or work-order reference said in a voicemail ("job J-2210", "work order 5531", "WO-118"): the
/// caller is talking about work in progress even when the number is not on the active-jobs list.
enum JobReference {
    static let patterns: [NSRegularExpression] = [
        try! NSRegularExpression(pattern: #"\b[A-Za-z]{1,3}-\d{3,7}\b"#),
        try! NSRegularExpression(
            pattern: #"\b(?:job|work order|ticket|trabajo|orden)\s*(?:number|no\.?|#|numero)?\s*#?\s*[A-Za-z]{0,3}-?\d{3,7}\b"#,
            options: [.caseInsensitive]),
    ]

    static func heard(in transcript: String) -> String? {
        // Every reference has a digit; without one, the expressions (1.7 % of a million-call run, perf)
        // need not run.
        guard transcript.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let range = NSRange(transcript.startIndex..., in: transcript)
        for pattern in patterns {
            if let match = pattern.firstMatch(in: transcript, range: range), let found = Range(match.range, in: transcript) {
                return String(transcript[found])
            }
        }
        return nil
    }
}
