import Foundation
import RingbackCore

/// Values shared by the store tests: calls, rows, events and commits with every field populated.
enum StateFixtures {
    static let base = Date(timeIntervalSince1970: 1_735_000_000.123_456)

    static func call(_ key: String, minutesAfterBase minutes: Double = 0, source: String = "twilio") -> Call {
        Call(
            key: key, source: source, startedAt: base.addingTimeInterval(minutes * 60), direction: .inbound,
            customer: .number("+15551230000"), businessLine: .internalExtension("204"), durationSeconds: 0,
            outcome: .missed, callerName: "Dana Ruiz", transcript: "Water heater leaking, call back please",
            recordingURL: "https://example.com/r/\(key).mp3", trackingSource: "Google Business Profile")
    }

    /// Calls exercising every `Party` case and both nil and non-nil optionals.
    static let variedCalls: [Call] = [
        call("twilio:CA1", minutesAfterBase: 0),
        Call(
            key: "ringcentral:9", source: "ringcentral", startedAt: base.addingTimeInterval(0.000_001),
            direction: .outbound, customer: .anonymous, businessLine: .number("+15550001111"),
            durationSeconds: 42, outcome: .voicemail),
        Call(
            key: "csv:3", source: "csv", startedAt: base.addingTimeInterval(-3600), direction: .inbound,
            customer: .unusable(raw: "12-34", reason: "too short"), businessLine: .anonymous,
            durationSeconds: 7, outcome: .answered, callerName: "Émile Ñandú 📞"),
    ]

    static func row(_ leadID: String, status: String = "New missed call") -> SyncedRow {
        SyncedRow(
            leadID: leadID, cells: SheetCells([.leadID: leadID, .status: status, .phone: "+15551230000"]),
            pins: [.notes: "Call after 5pm"], deletedByOffice: false)
    }

    static func event(_ leadID: String, sequence: Int = 0, title: String = "Call back") -> SyncedEvent {
        SyncedEvent(
            event: CalendarEvent(
                uid: "\(leadID)-callback@ringback", leadID: leadID, kind: .callback, title: title,
                details: "Missed call", location: "12 Elm St", start: base, end: base.addingTimeInterval(900),
                owner: "office@example.com"),
            sequence: sequence, revisedAt: base.addingTimeInterval(Double(sequence) * 0.001))
    }

    static func run(_ summary: String, minutesAfterBase minutes: Double = 0) -> RunRecord {
        RunRecord(
            startedAt: base.addingTimeInterval(minutes * 60), finishedAt: base.addingTimeInterval(minutes * 60 + 2.5),
            summary: summary)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ringback-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
