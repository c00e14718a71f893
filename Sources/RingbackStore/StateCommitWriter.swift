import Foundation
import GRDB
import RingbackCore

/// Writes one `StateCommit` inside the caller's transaction, preparing each statement once and
/// re-binding it per record so a million-call commit stays fast.
struct StateCommitWriter {
    private let db: Database

    init(_ db: Database) {
        self.db = db
    }

    func write(_ commit: StateCommit) throws {
        try renameTargets(commit.renamedTargets)
        try writeProcessedFiles(commit.processedFiles)
        try writeCalls(commit.newCalls)
        try updateCalls(commit.updatedCalls)
        try writeLeadAnchors(commit.leadAnchors)
        try writeTargetChanges(commit.targetChanges)
        try writeWatermarks(commit.watermarks)
        try freeze(commit.frozen)
        for (target, state) in commit.calendarReadStates {
            try db.execute(
                sql: "INSERT INTO calendar_read_state (target, payload) VALUES (?, ?) ON CONFLICT (target) DO UPDATE SET payload = excluded.payload",
                arguments: [target, CalendarReadStateCoding.encode(state)])
        }
        for target in commit.settledTargets {
            try db.execute(sql: "DELETE FROM pending_rows WHERE target = ?", arguments: [target])
        }
        if let business = commit.business {
            try db.execute(
                sql: "INSERT INTO meta (key, value) VALUES ('business', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                arguments: [business])
        }
        try db.execute(
            sql: "INSERT INTO runs (started_at, finished_at, summary) VALUES (?, ?, ?)",
            arguments: [commit.run.startedAt.storedSeconds, commit.run.finishedAt.storedSeconds, commit.run.summary])
    }

    private func renameTargets(_ renames: [String: String]) throws {
        for (old, new) in renames {
            try db.execute(sql: "UPDATE target_rows SET target = ? WHERE target = ?", arguments: [new, old])
            try db.execute(sql: "UPDATE target_events SET target = ? WHERE target = ?", arguments: [new, old])
            try db.execute(sql: "UPDATE OR REPLACE calendar_read_state SET target = ? WHERE target = ?", arguments: [new, old])
        }
    }

    private func writeProcessedFiles(_ files: [ProcessedFile]) throws {
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO processed_files (source, path, size, modified_at, content_hash) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (source, path) DO UPDATE SET size = excluded.size, modified_at = excluded.modified_at,
                    content_hash = excluded.content_hash
                """)
        for file in files {
            try statement.execute(arguments: [file.source, file.path, file.size, file.modifiedAt.storedSeconds, file.contentHash])
        }
    }

    private func writeCalls(_ calls: [Call]) throws {
        let statement = try db.makeStatement(sql: CallColumns.insertSQL)
        for call in calls {
            statement.setUncheckedArguments(CallColumns.arguments(call))
            try statement.execute()
        }
    }

    private func updateCalls(_ calls: [Call]) throws {
        guard !calls.isEmpty else { return }
        let statement = try db.makeStatement(sql: CallColumns.updateSQL)
        for call in calls { try statement.execute(arguments: CallColumns.updateArguments(call)) }
    }

    private func writeLeadAnchors(_ anchors: [String: String]) throws {
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO lead_anchors (call_key, lead_id) VALUES (?, ?)
                ON CONFLICT (call_key) DO UPDATE SET lead_id = excluded.lead_id
                """)
        for (callKey, leadID) in anchors {
            try statement.execute(arguments: [callKey, leadID])
        }
    }

    private func writeTargetChanges(_ changes: [String: TargetStateChange]) throws {
        let rowStatement = try db.makeStatement(
            sql: """
                INSERT INTO target_rows (target, lead_id, payload) VALUES (?, ?, ?)
                ON CONFLICT (target, lead_id) DO UPDATE SET payload = excluded.payload
                """)
        let eventStatement = try db.makeStatement(
            sql: """
                INSERT INTO target_events (target, uid, payload, lead_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (target, uid) DO UPDATE SET payload = excluded.payload, lead_id = excluded.lead_id
                """)
        for (target, change) in changes {
            for row in change.upsertRows {
                try rowStatement.execute(arguments: [target, row.leadID, SyncedPayloadCoding.encode(row)])
            }
            for event in change.upsertEvents {
                try eventStatement.execute(arguments: [target, event.uid, SyncedPayloadCoding.encode(event), event.event.leadID])
            }
        }
    }

    /// Flags a frozen lead's calls, rows (every target's) and events, after this commit's own writes.
    private func freeze(_ leads: [FrozenLead]) throws {
        guard !leads.isEmpty else { return }
        let lead = try db.makeStatement(sql: "INSERT OR IGNORE INTO frozen_leads (lead_id) VALUES (?)")
        let rows = try db.makeStatement(sql: "UPDATE target_rows SET frozen = 1 WHERE lead_id = ?")
        let events = try db.makeStatement(sql: "UPDATE target_events SET frozen = 1 WHERE lead_id = ?")
        let call = try db.makeStatement(sql: "UPDATE calls SET frozen = 1 WHERE key = ?")
        for frozen in leads {
            for statement in [lead, rows, events] { try statement.execute(arguments: [frozen.leadID]) }
            for key in frozen.callKeys { try call.execute(arguments: [key]) }
        }
    }

    private func writeWatermarks(_ watermarks: [String: Date]) throws {
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO watermarks (source, value) VALUES (?, ?)
                ON CONFLICT (source) DO UPDATE SET value = excluded.value
                """)
        for (source, value) in watermarks {
            try statement.execute(arguments: [source, value.storedSeconds])
        }
    }
}
