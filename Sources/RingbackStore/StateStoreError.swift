/// Why the state store could not be opened, read or written, naming the database file so the message stands alone.
package struct StateStoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, with the underlying reason where there is one.
    package enum Failure: Sendable, Equatable {
        case cannotCreateDirectory(String)
        case cannotOpen(String)
        /// The file is not an SQLite database, or belongs to another application.
        case notAStateFile(String)
        /// The file was migrated by a later version of Ringback than this one.
        case newerSchema(Int)
        case cannotMigrate(String)
        case cannotRead(String)
        case cannotWrite(String)
        /// A stored record could not be turned back into a value.
        case corruptRecord(String)
    }

    package var path: String
    package var failure: Failure

    package init(path: String, failure: Failure) {
        self.path = path
        self.failure = failure
    }

    package var description: String {
        let detail: String
        switch failure {
        case .cannotCreateDirectory(let reason): detail = "cannot create its directory: \(reason)"
        case .cannotOpen(let reason): detail = "cannot open: \(reason)"
        case .notAStateFile(let reason): detail = "is not a Ringback state file (\(reason))"
        case .newerSchema(let version):
            detail = "was written by a newer Ringback (schema v\(version)); this one understands up to v\(StateSchema.currentVersion)"
        case .cannotMigrate(let reason): detail = "cannot upgrade the schema: \(reason)"
        case .cannotRead(let reason): detail = "cannot read: \(reason)"
        case .cannotWrite(let reason): detail = "cannot write: \(reason)"
        case .corruptRecord(let reason): detail = "holds an unreadable record: \(reason)"
        }
        return "state store \(path): \(detail)"
    }
}
