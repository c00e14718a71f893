import RingbackJSON

/// One JSON field as the mapping's text: scalars as written, nothing for a missing field or null.
enum JSONText {
    static func string(_ value: JSONValue?) -> String {
        guard let value, !value.isNull else { return "" }
        return value.scalarText ?? value.text
    }
}
