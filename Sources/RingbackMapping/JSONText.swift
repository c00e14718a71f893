import Foundation

/// Walks parsed JSON by dotted key paths and turns scalar values into text for the mapping.
enum JSONText {
    static func value(at path: String, in object: Any) -> Any? {
        if path.isEmpty { return object }
        var current: Any? = object
        for key in path.split(separator: ".") {
            guard let dictionary = current as? [String: Any] else { return nil }
            current = dictionary[String(key)]
        }
        return current
    }

    static func string(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let text as String: return text
        case let flag as Bool where type(of: value!) == Bool.self: return flag ? "true" : "false"
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            let double = number.doubleValue
            if double == double.rounded() && abs(double) < 1e15 { return String(Int64(double)) }
            return number.stringValue
        default: return "\(value!)"
        }
    }

    static func reason(_ error: Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return text ?? error.localizedDescription
    }
}
