import Foundation

/// Finds the job a person put on a crew calendar for a lead: an event naming the Lead ID, the caller's
/// number in any common format ("(512) 555-0142", "512.555.0142", "+15125550142"), or the caller's
/// full name. Only jobs starting after the lead's first missed call count; the earliest one wins.
public struct CrewBookings: Sendable {
    struct Indexed: Sendable {
        var job: CrewJobEvent
        var folded: String
        var numbers: [String]
    }

    let jobs: [Indexed]

    public init(jobs: [CrewJobEvent]) {
        self.jobs = jobs.sorted { ($0.start, $0.title) < ($1.start, $1.title) }.map {
            Indexed(job: $0, folded: Self.fold($0.text), numbers: Self.digitRuns(in: $0.text))
        }
    }

    public var isEmpty: Bool { jobs.isEmpty }

    public func job(for lead: Lead, callerName: String) -> CrewJobEvent? {
        guard !jobs.isEmpty else { return nil }
        let id = Self.fold(lead.id)
        let digits = lead.customer.e164.map { String($0.filter(\.isNumber).suffix(10)) } ?? ""
        let words = Self.fold(callerName).split(separator: " ")
        let name = words.count >= 2 ? " " + words.joined(separator: " ") + " " : nil
        return jobs.first { entry in
            guard entry.job.start >= lead.firstMissedAt else { return false }
            if entry.folded.contains(id) { return true }
            if digits.count >= 7, entry.numbers.contains(where: { $0.count >= digits.count && $0.hasSuffix(digits) }) { return true }
            if let name, (" " + entry.folded + " ").contains(name) { return true }
            return false
        }?.job
    }

    /// Lowercased words separated by single spaces, digits and dashes kept (Lead IDs have dashes).
    static func fold(_ text: String) -> String {
        var out = ""
        var space = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" {
                if space && !out.isEmpty { out.append(" ") }
                out.append(character)
                space = false
            } else {
                space = true
            }
        }
        return out
    }

    /// Runs of digits that may be broken by the separators phone numbers are written with.
    static func digitRuns(in text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        var gap = 0
        for character in text {
            if character.isASCII && character.isNumber {
                current.append(character)
                gap = 0
            } else if " -.()+/".contains(character) && gap < 2 && !current.isEmpty {
                gap += 1
            } else if " -.()+/".contains(character) && current.isEmpty {
                continue
            } else {
                if current.count >= 7 { runs.append(current) }
                current = ""
                gap = 0
            }
        }
        if current.count >= 7 { runs.append(current) }
        return runs
    }
}
