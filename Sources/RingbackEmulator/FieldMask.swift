import RingbackJSON

/// Google field masks (`sheets.properties`, `gridProperties/frozenRowCount`, `userEnteredFormat(backgroundColor,textFormat)`),
/// used to trim responses and to say which fields an update touches.
struct FieldMask {
    /// Dotted paths; an empty path stands for `*` (everything).
    var paths: [[String]]

    init?(_ text: String?) {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        paths = Self.expand(Substring(text.replacingOccurrences(of: "/", with: ".").replacingOccurrences(of: " ", with: "")))
    }

    private static func expand(_ text: Substring) -> [[String]] {
        var result: [[String]] = []
        var depth = 0
        var start = text.startIndex
        var items: [Substring] = []
        for index in text.indices {
            switch text[index] {
            case "(": depth += 1
            case ")": depth -= 1
            case "," where depth == 0:
                items.append(text[start..<index])
                start = text.index(after: index)
            default: break
            }
        }
        items.append(text[start...])
        for item in items where !item.isEmpty {
            if let open = item.firstIndex(of: "("), item.last == ")" {
                let prefix = item[..<open].split(separator: ".").map(String.init)
                for inner in expand(item[item.index(after: open)..<item.index(before: item.endIndex)]) {
                    result.append(prefix + inner)
                }
            } else if item == "*" {
                result.append([])
            } else {
                result.append(item.split(separator: ".").map(String.init))
            }
        }
        return result
    }

    var isEverything: Bool { paths.contains { $0.isEmpty } }

    /// Keeps only what the mask names; arrays are traversed element by element.
    func filter(_ value: JSONValue) -> JSONValue {
        isEverything ? value : Self.filter(value, paths)
    }

    private static func filter(_ value: JSONValue, _ paths: [[String]]) -> JSONValue {
        if paths.contains(where: \.isEmpty) { return value }
        switch value {
        case .array(let items): return .array(items.map { filter($0, paths) })
        case .object(let members):
            var kept: [String: JSONValue] = [:]
            for (key, child) in members {
                let sub = paths.filter { $0.first == key || $0.first == "*" }.map { Array($0.dropFirst()) }
                if !sub.isEmpty { kept[key] = filter(child, sub) }
            }
            return .object(kept)
        default: return value
        }
    }

    /// Copies the masked fields from `source` into `target`; a masked field absent from `source` is cleared.
    func apply(from source: JSONValue, to target: JSONValue) -> JSONValue {
        if isEverything { return source }
        var result = target
        for path in paths { result = Self.set(result, path, source.value(at: path)) }
        return result
    }

    private static func set(_ target: JSONValue, _ path: [String], _ value: JSONValue?) -> JSONValue {
        guard let key = path.first else { return value ?? .null }
        var members = target.object ?? [:]
        if path.count == 1 {
            members[key] = value
        } else {
            members[key] = set(members[key] ?? .object([:]), Array(path.dropFirst()), value)
        }
        return .object(members)
    }
}

extension JSONValue {
    func value(at path: [String]) -> JSONValue? {
        var current: JSONValue? = self
        for key in path { current = current?[key] }
        return current
    }
}
