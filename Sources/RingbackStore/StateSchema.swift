import GRDB

/// The versioned layout of the state file. Each release that changes it appends a migration "vN";
/// migrations already shipped are never edited.
enum StateSchema {
    /// SQLite `application_id` marking a file as a Ringback state store ("RGBK").
    static let applicationID: Int32 = 0x5247_424B

    static let currentVersion = 1

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createVersion1)
        return migrator
    }

    /// The highest "vN" migration recorded in the file, known to this build or not.
    static func recordedVersion(_ db: Database) throws -> Int {
        try migrator.appliedIdentifiers(db).compactMap { Int($0.dropFirst()) }.max() ?? 0
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: """
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
            """)
    }
}
