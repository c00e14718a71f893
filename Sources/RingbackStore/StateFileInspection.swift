import Foundation
import GRDB

/// Looks at an existing file read-only before the store opens it for writing, so a stray file
/// given as the state path is reported, never converted to WAL or migrated.
enum StateFileInspection {
    static func check(path: String) throws(StateStoreError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in try verify(db, path: path) }
        } catch let error as StateStoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StateStoreError(path: path, failure: .notAStateFile("not an SQLite database"))
        } catch {
            throw StateStoreError(path: path, failure: .cannotOpen(String(describing: error)))
        }
    }

    private static func verify(_ db: Database, path: String) throws {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if applicationID == StateSchema.applicationID {
            let version = try StateSchema.recordedVersion(db)
            if try StateSchema.migrator.hasBeenSuperseded(db) {
                throw StateStoreError(path: path, failure: .newerSchema(version))
            }
            return
        }
        let objectCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_schema") ?? 0
        if applicationID != 0 || objectCount > 0 {
            throw StateStoreError(path: path, failure: .notAStateFile("an SQLite database of another application"))
        }
    }
}
