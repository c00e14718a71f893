import RingbackCore

/// Errors of a sync run after the configuration was accepted; each maps to a documented exit code.
package enum SyncError: Error, CustomStringConvertible, Sendable {
    /// Another run holds the lock.
    case locked(String)
    /// A file, target or the state store could not be read or written.
    case io(String, String)
    /// Sources that could not be read to their end; what the others read was still applied.
    case pull([any SourceFailure])

    package var description: String {
        switch self {
        case .locked(let path): return "another ringback run is in progress (lock \(path) is held); this run did nothing"
        case .io(let path, let message): return "\(path): \(message)"
        case .pull(let failures): return failures.map(\.description).joined(separator: "\n")
        }
    }
}
