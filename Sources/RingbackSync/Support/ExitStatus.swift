import RingbackCore
import RingbackGoogle
import RingbackOffline
import RingbackStore
import RingbackYAML

/// The exit codes cron and scripts can rely on; the README lists them.
package enum ExitStatus: Int32, Sendable, CaseIterable {
    case success = 0
    case failure = 1
    /// `--detailed-exitcode` only: the plan has changes (dry run) to apply.
    case changesPending = 2
    case invalidConfiguration = 3
    case locked = 4
    case ioFailure = 5
    /// A source brought nothing it should have (no file matches, or no new call for `stale_after_hours`);
    /// everything else was applied.
    case silentSource = 6
    /// `--fail-on-rejects` only: records were rejected (they are in the rejects file); the rest was applied.
    case rejectedRecords = 7

    package static func of(_ error: Error) -> ExitStatus {
        switch error {
        case is ConfigError, is YAMLFileError: return .invalidConfiguration
        case SyncError.locked: return .locked
        case let error as GoogleTargetError where error.api?.kind == .credentials: return .invalidConfiguration
        case SyncError.io, SyncError.pull, is GoogleTargetError, is OfflineTargetError, is StateStoreError, is ContactListError, is StateMismatch:
            return .ioFailure
        default: return .failure
        }
    }
}
