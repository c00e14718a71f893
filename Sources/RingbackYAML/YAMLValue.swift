import Foundation
import Yams

/// A node of a YAML file that remembers its file, line and key path, so every error can say where it is.
public struct YAMLValue {
    public let node: Node
    public let file: String
    public let path: String

    public init(node: Node, file: String, path: String = "") {
        self.node = node
        self.file = file
        self.path = path
    }

    /// Parses a whole document; a syntax error names the file and line.
    public static func parse(_ text: String, file: String) throws(YAMLFileError) -> YAMLValue {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw YAMLFileError(file: file, line: 1, key: "", message: "the file is empty; expected a YAML mapping")
            }
            return YAMLValue(node: node, file: file)
        } catch let error as YAMLFileError {
            throw error
        } catch let error as YamlError {
            throw YAMLFileError(file: file, line: YAMLValue.line(of: error), key: "", message: "not valid YAML: \(YAMLValue.problem(of: error))")
        } catch {
            throw YAMLFileError(file: file, line: nil, key: "", message: "not valid YAML: \(error)")
        }
    }

    public var line: Int? { node.mark?.line }

    public func error(_ message: String) -> YAMLFileError {
        YAMLFileError(file: file, line: line, key: path, message: message)
    }

    private func child(_ node: Node, _ key: String) -> YAMLValue {
        YAMLValue(node: node, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    public var isMapping: Bool { if case .mapping = node { return true } else { return false } }
    public var isSequence: Bool { if case .sequence = node { return true } else { return false } }
    public var isNull: Bool { node.null != nil }

    /// Keys of a mapping in file order, with their values.
    public func entries() throws(YAMLFileError) -> [(key: String, value: YAMLValue)] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of keys to values") }
        var out: [(String, YAMLValue)] = []
        for (key, value) in mapping {
            guard let name = key.string else { throw YAMLFileError(file: file, line: key.mark?.line, key: path, message: "expected text keys") }
            out.append((name, child(value, name)))
        }
        return out
    }

    public func optional(_ key: String) throws(YAMLFileError) -> YAMLValue? {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of keys to values") }
        guard let value = mapping[key] else { return nil }
        let wrapped = child(value, key)
        return wrapped.isNull ? nil : wrapped
    }

    public func required(_ key: String) throws(YAMLFileError) -> YAMLValue {
        guard let value = try optional(key) else {
            throw YAMLFileError(file: file, line: line, key: path.isEmpty ? key : "\(path).\(key)", message: "is required")
        }
        return value
    }

    /// Rejects keys the reader does not know, which are usually typos.
    public func allowOnly(_ keys: Set<String>) throws(YAMLFileError) {
        for (key, value) in try entries() where !keys.contains(key) {
            throw YAMLFileError(file: file, line: value.line, key: value.path,
                                message: "unknown key; expected one of: \(keys.sorted().joined(separator: ", "))")
        }
    }

    public func items() throws(YAMLFileError) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { index, node in child(node, "[\(index)]") }
    }

    /// A list, or a single value taken as a one-item list.
    public func itemsOrSingle() throws(YAMLFileError) -> [YAMLValue] {
        isSequence ? try items() : [self]
    }

    public func string() throws(YAMLFileError) -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a single value, not a list or mapping") }
        return scalar.string
    }

    public func strings() throws(YAMLFileError) -> [String] {
        var out: [String] = []
        for item in try itemsOrSingle() { out.append(try item.string()) }
        return out
    }

    public func int(min: Int? = nil, max: Int? = nil) throws(YAMLFileError) -> Int {
        guard let value = Int(try string().trimmingCharacters(in: .whitespaces)) else { throw error("expected a whole number") }
        if let min, value < min { throw error("expected at least \(min), found \(value)") }
        if let max, value > max { throw error("expected at most \(max), found \(value)") }
        return value
    }

    public func bool() throws(YAMLFileError) -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false")
        }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)"
        }
    }
}
