import Foundation
import Yams

/// Finds where a duplicated key is, because Yams only names the key: the copies are renamed apart in the
/// text, the renamed document is composed, and the mapping holding two of them gives both lines and the path.
enum YAMLDuplicateKey {
    private static let marker = "__ringback_duplicate_"

    /// `file:10: business.name: duplicate key (first at line 7)`, or nil when the copies cannot be told apart.
    static func error(in text: String, keys: [String], file: String) -> YAMLFileError? {
        for key in keys {
            let renamed = rename(key, in: text)
            guard renamed != text, let node = try? Yams.compose(yaml: renamed),
                let found = find(key, in: node, path: "")
            else { continue }
            return YAMLFileError(
                file: file, line: found.second, key: found.path,
                message: "duplicate key (first at line \(found.first))")
        }
        return nil
    }

    /// Gives each `key:` written as a key (at a line's start, after `- `, `{` or `,`) a numbered suffix.
    private static func rename(_ key: String, in text: String) -> String {
        let escaped = NSRegularExpression.escapedPattern(for: key)
        guard
            let regex = try? NSRegularExpression(
                pattern: "(^[ \\t]*(?:- )*|[{,][ \\t]*)\(escaped)([ \\t]*:(?:[ \\t]|$))",
                options: [.anchorsMatchLines])
        else { return text }
        var result = ""
        var last = text.startIndex
        var count = 0
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(match.range, in: text), let lead = Range(match.range(at: 1), in: text),
                let tail = Range(match.range(at: 2), in: text)
            else { continue }
            result += text[last..<whole.lowerBound] + text[lead] + key + marker + String(count) + text[tail]
            count += 1
            last = whole.upperBound
        }
        return result + text[last...]
    }

    private static func find(_ key: String, in node: Node, path: String) -> (path: String, first: Int, second: Int)? {
        switch node {
        case .mapping(let mapping):
            let copies = Array(mapping.keys.filter { ($0.string ?? "").hasPrefix(key + marker) })
            if copies.count > 1, let first = copies[0].mark?.line, let second = copies[1].mark?.line {
                return (path.isEmpty ? key : "\(path).\(key)", first, second)
            }
            for (name, value) in mapping {
                let plain = (name.string ?? "").components(separatedBy: marker)[0]
                if let found = find(key, in: value, path: path.isEmpty ? plain : "\(path).\(plain)") { return found }
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                if let found = find(key, in: item, path: "\(path).[\(index)]") { return found }
            }
        default: break
        }
        return nil
    }
}
