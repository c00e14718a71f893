import GRDB
import RingbackJSON

/// The versioned layout of the state file. Each release that changes it appends a migration "vN";
/// migrations already shipped are never edited.
enum StateSchema {
    /// SQLite `application_id` marking a file as a Ringback state store ("RGBK").
    static let applicationID: Int32 = 0x5247_424B

    static let currentVersion = 5

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createVersion1)
        migrator.registerMigration("v2", migrate: keyCellsByColumn)
        migrator.registerMigration("v3", migrate: createVersion3)
        migrator.registerMigration("v4", migrate: createVersion4)
        migrator.registerMigration("v5", migrate: createVersion5)
        return migrator
    }

    /// The highest "vN" migration recorded in the file, known to this build or not.
    static func recordedVersion(_ db: Database) throws -> Int {
        try migrator.appliedIdentifiers(db).compactMap { Int($0.dropFirst()) }.max() ?? 0
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: version1Tables)
    }

    /// The tables as the first release made them; later versions migrate from these.
    private static let version1Tables = """
            CREATE TABLE processed_files (
                source TEXT NOT NULL,
                path TEXT NOT NULL,
                size INTEGER NOT NULL,
                modified_at REAL NOT NULL,
                PRIMARY KEY (source, path)
            ) WITHOUT ROWID;

            CREATE TABLE calls (
                key TEXT NOT NULL PRIMARY KEY,
                source TEXT NOT NULL,
                started_at REAL NOT NULL,
                direction TEXT NOT NULL,
                customer_kind TEXT NOT NULL,
                customer_value TEXT,
                customer_reason TEXT,
                business_line_kind TEXT NOT NULL,
                business_line_value TEXT,
                business_line_reason TEXT,
                duration_seconds INTEGER NOT NULL,
                outcome TEXT NOT NULL,
                caller_name TEXT,
                transcript TEXT,
                recording_url TEXT,
                tracking_source TEXT
            );
            CREATE INDEX calls_by_start ON calls (started_at, key);

            CREATE TABLE lead_anchors (
                call_key TEXT NOT NULL PRIMARY KEY,
                lead_id TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE target_rows (
                target TEXT NOT NULL,
                lead_id TEXT NOT NULL,
                payload TEXT NOT NULL,
                PRIMARY KEY (target, lead_id)
            ) WITHOUT ROWID;

            CREATE TABLE target_events (
                target TEXT NOT NULL,
                uid TEXT NOT NULL,
                payload TEXT NOT NULL,
                PRIMARY KEY (target, uid)
            ) WITHOUT ROWID;

            CREATE TABLE watermarks (
                source TEXT NOT NULL PRIMARY KEY,
                value REAL NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                started_at REAL NOT NULL,
                finished_at REAL NOT NULL,
                summary TEXT NOT NULL
            );
        """

    /// v1 keyed a row's cells and pins by their header text; v2 by the column's stable key. The titles
    /// are frozen here as v1 wrote them, so a later rename of a header cannot change this migration.
    static let version1Titles: [String: String] = [
        "Lead ID": "lead_id", "Timestamp": "timestamp", "Caller Name": "caller_name", "Phone": "phone",
        "Call Source": "call_source", "Caller Type": "caller_type", "Service Type": "service_type",
        "Address or ZIP": "address_or_zip", "Urgency": "urgency", "Summary": "summary", "Attempts": "attempts",
        "Next Action": "next_action", "Due By": "due_by", "Owner": "owner", "Status": "status",
        "Appointment": "appointment", "Notes": "notes", "Consent/Source Note": "consent_source_note",
        "Transcript or Recording": "transcript_or_recording", "Last Synced": "last_synced",
    ]

    private static func keyCellsByColumn(_ db: Database) throws {
        let update = try db.makeStatement(sql: "UPDATE target_rows SET payload = ? WHERE target = ? AND lead_id = ?")
        let rows = try Row.fetchAll(db, sql: "SELECT target, lead_id, payload FROM target_rows")
        for row in rows {
            let payload: String = row[2]
            var value = try JSONValue.parse(Array(payload.utf8))
            guard case .object(var members) = value else { continue }
            for part in ["cells", "pins"] {
                guard let cells = members[part]?.object else { continue }
                members[part] = .object(
                    Dictionary(cells.map { (version1Titles[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: { first, _ in first }))
            }
            value = .object(members)
            try update.execute(arguments: [value.text, row[0] as String, row[1] as String])
        }
    }

    /// Files remembered by their bytes too (a folder moved or restored elsewhere re-reads nothing); the
    /// journal of sheet rows a run is about to write; and what the state belongs to.
    private static func createVersion3(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE processed_files ADD COLUMN content_hash TEXT;

                CREATE TABLE pending_rows (
                    target TEXT NOT NULL,
                    lead_id TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    PRIMARY KEY (target, lead_id)
                ) WITHOUT ROWID;

                CREATE INDEX calls_by_source ON calls (source, started_at);

                CREATE TABLE meta (
                    key TEXT NOT NULL PRIMARY KEY,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
    }

    /// What calendars read back keep between runs: sync token, resolved address, resources and tags.
    private static func createVersion4(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE calendar_read_state (
                    target TEXT NOT NULL PRIMARY KEY,
                    payload TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
    }

    /// Frozen leads (archived for good): their calls, rows and events are flagged, and partial indexes
    /// over what is not frozen let a run read only the live part. Leads archived before this version are
    /// frozen by the first run that builds them again.
    private static func createVersion5(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE frozen_leads (
                    lead_id TEXT NOT NULL PRIMARY KEY
                ) WITHOUT ROWID;

                ALTER TABLE calls ADD COLUMN frozen INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX calls_live ON calls (started_at, key) WHERE frozen = 0;
                CREATE INDEX calls_frozen ON calls (started_at) WHERE frozen = 1;

                ALTER TABLE target_rows ADD COLUMN frozen INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX target_rows_live ON target_rows (target) WHERE frozen = 0;
                CREATE INDEX target_rows_by_lead ON target_rows (lead_id);

                ALTER TABLE target_events ADD COLUMN lead_id TEXT;
                ALTER TABLE target_events ADD COLUMN frozen INTEGER NOT NULL DEFAULT 0;
                UPDATE target_events SET lead_id = json_extract(payload, '$.event.leadID');
                CREATE INDEX target_events_live ON target_events (target) WHERE frozen = 0;
                CREATE INDEX target_events_by_lead ON target_events (lead_id);
                """)
    }
}
