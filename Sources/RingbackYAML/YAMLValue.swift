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
            throw YAMLSyntaxProblem.error(error, text: text, file: file)
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

    /// A key that must be there with a value; `key: ~` or `key:` alone is reported on its own line.
    public func required(_ key: String) throws(YAMLFileError) -> YAMLValue {
        guard let value = try optional(key) else {
            let name = path.isEmpty ? key : "\(path).\(key)"
            if let keyLine = line(ofKey: key) {
                throw YAMLFileError(file: file, line: keyLine, key: name, message: "found no value; a value is required")
            }
            throw YAMLFileError(file: file, line: line, key: name, message: "is required")
        }
        return value
    }

    /// The line of `key` in this mapping, when it is written (even without a value).
    public func line(ofKey key: String) -> Int? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.first { $0.key.string == key }?.key.mark?.line
    }

    /// An error at `key`'s line (at this mapping's line when the key is not written).
    public func error(atKey key: String, _ message: String) -> YAMLFileError {
        YAMLFileError(file: file, line: line(ofKey: key) ?? line, key: path.isEmpty ? key : "\(path).\(key)", message: message)
    }

    /// Text that must not be blank: names, owners, paths.
    public func text(expected: String) throws(YAMLFileError) -> String {
        let value = try string().trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw error("found an empty value; expected \(expected)") }
        return value
    }

    /// Rejects keys the reader does not know, which are usually typos.
    public func allowOnly(_ keys: Set<String>) throws(YAMLFileError) {
        for (key, value) in try entries() where !keys.contains(key) {
            throw YAMLFileError(
                file: file, line: value.line, key: value.path,
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
        guard case .scalar(let scalar) = node else {
            throw error("found \(isSequence ? "a list" : "a mapping"); expected a single value")
        }
        return scalar.string
    }

    public func strings() throws(YAMLFileError) -> [String] {
        var out: [String] = []
        for item in try itemsOrSingle() { out.append(try item.string()) }
        return out
    }

    public func int(min: Int? = nil, max: Int? = nil) throws(YAMLFileError) -> Int {
        let text = try string().trimmingCharacters(in: .whitespaces)
        guard let value = Int(text) else { throw error("found `\(text)`; expected a whole number") }
        if let min, value < min { throw error("found \(value); expected at least \(min)") }
        if let max, value > max { throw error("found \(value); expected at most \(max)") }
        return value
    }

    public func bool() throws(YAMLFileError) -> Bool {
        let text = try string()
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("found `\(text)`; expected true or false")
        }
    }
}
