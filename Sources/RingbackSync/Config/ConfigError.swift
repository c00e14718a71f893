import RingbackYAML

/// A configuration, mapping or list problem: stops the run before anything is read or written.
package enum ConfigError: Error, CustomStringConvertible, Sendable {
    case yaml(YAMLFileError)
    case file(String, String)

    package var description: String {
        switch self {
        case .yaml(let error): return error.description
        case .file(let path, let message): return "\(path): \(message)"
        }
    }
}
