import Foundation
import RingbackCore

/// Shows normalised calls for `inspect`: a table for people, JSON for scripts.
package enum CallListing {
    struct Row: Codable {
        var id: String
        var start: String
        var direction: String
        var caller: String?
        var called: String?
        var durationSeconds: Int
        var outcome: String
        var callerName: String?
    }

    static let notInExport = "(line not in export)"

    static func rows(_ calls: [Call]) -> [Row] {
        let formatter = ISO8601DateFormatter()
        return calls.map { call in
            let inbound = call.direction == .inbound
            // An export that does not name the business's line (OpenPhone names it by id) leaves that side
            // unknown, which is not an anonymous caller.
            let business = call.businessLine == .anonymous ? notInExport : call.businessLine.e164 ?? call.businessLine.display
            let customer = call.customer.e164 ?? call.customer.display
            return Row(
                id: call.key, start: formatter.string(from: call.startedAt), direction: call.direction.rawValue,
                caller: inbound ? customer : business, called: inbound ? business : customer,
                durationSeconds: call.durationSeconds, outcome: call.outcome.rawValue, callerName: call.callerName)
        }
    }

    package static func json(_ calls: [Call]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(rows(calls)), as: UTF8.self)) ?? "[]"
    }

    package static func table(_ calls: [Call]) -> String {
        let header = ["ID", "Start (UTC)", "Dir", "Caller", "Called", "Secs", "Outcome", "Name"]
        let body = rows(calls).map {
            [$0.id, $0.start, $0.direction, $0.caller ?? "", $0.called ?? "", String($0.durationSeconds), $0.outcome, $0.callerName ?? ""]
        }
        let all = [header] + body
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { index, cell in cell.padding(toLength: widths[index], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
