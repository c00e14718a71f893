import Foundation
import GRDB
import RingbackCore

/// Maps a `Call` to the columns of the `calls` table and back. Calls are stored as columns rather
/// than JSON because the whole ledger is loaded on every run, and column decoding is many times faster.
enum CallColumns {
    static let insertSQL = """
        INSERT OR IGNORE INTO calls (
            key, source, started_at, direction,
            customer_kind, customer_value, customer_reason,
            business_line_kind, business_line_value, business_line_reason,
            duration_seconds, outcome, caller_name, transcript, recording_url, tracking_source
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// A recorded call replaced by a later reading of it: only what a later reading may add changes.
    static let updateSQL = """
        UPDATE calls SET outcome = ?, caller_name = ?, transcript = ?, recording_url = ? WHERE key = ?
        """

    static func updateArguments(_ call: Call) -> StatementArguments {
        [call.outcome.rawValue, call.callerName, call.transcript, call.recordingURL, call.key]
    }

    static let selectSQL = """
        SELECT key, source, started_at, direction,
            customer_kind, customer_value, customer_reason,
            business_line_kind, business_line_value, business_line_reason,
            duration_seconds, outcome, caller_name, transcript, recording_url, tracking_source
        FROM calls
        """

    static func arguments(_ call: Call) -> StatementArguments {
        let customer = PartyColumns(call.customer)
        let businessLine = PartyColumns(call.businessLine)
        return [
            call.key, call.source, call.startedAt.storedSeconds, call.direction.rawValue,
            customer.kind, customer.value, customer.reason,
            businessLine.kind, businessLine.value, businessLine.reason,
            call.durationSeconds, call.outcome.rawValue,
            call.callerName, call.transcript, call.recordingURL, call.trackingSource,
        ]
    }

    /// Decodes a row selected with `selectSQL`; the message of a thrown error names the call.
    static func call(from row: Row) throws(CorruptCall) -> Call {
        let key: String = row[0]
        let directionText: String = row[3]
        let outcomeText: String = row[11]
        guard let direction = CallDirection(rawValue: directionText) else {
            throw CorruptCall(key: key, reason: "unknown direction \"\(directionText)\"")
        }
        guard let outcome = CallOutcome(rawValue: outcomeText) else {
            throw CorruptCall(key: key, reason: "unknown outcome \"\(outcomeText)\"")
        }
        guard let customer = PartyColumns(kind: row[4], value: row[5], reason: row[6]).party,
            let businessLine = PartyColumns(kind: row[7], value: row[8], reason: row[9]).party
        else {
            throw CorruptCall(key: key, reason: "unreadable party")
        }
        return Call(
            key: key, source: row[1], startedAt: Date(storedSeconds: row[2]), direction: direction,
            customer: customer, businessLine: businessLine, durationSeconds: row[10], outcome: outcome,
            callerName: row[12], transcript: row[13], recordingURL: row[14], trackingSource: row[15]
        )
    }

    struct CorruptCall: Error, CustomStringConvertible {
        var key: String
        var reason: String
        var description: String { "call \(key): \(reason)" }
    }
}
