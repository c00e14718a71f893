/// Serialises an `ICalendar` as RFC 5545 text: CRLF line endings, TEXT values
/// escaped, and content lines folded at 75 octets without splitting a UTF-8
/// character, so strict parsers and calendar apps accept the file.
public struct ICalendarWriter: Sendable {
    /// The longest a physical line may be, in octets, not counting its CRLF.
    public static let maximumLineOctets = 75

    public init() {}

    /// The calendar as UTF-8 bytes.
    public func bytes(_ calendar: ICalendar) -> [UInt8] {
        var output: [UInt8] = []
        appendLine("BEGIN:VCALENDAR", to: &output)
        appendLine("VERSION:2.0", to: &output)
        appendLine(Self.contentLine(.text("PRODID", calendar.prodID)), to: &output)
        appendLine("CALSCALE:GREGORIAN", to: &output)
        for property in calendar.properties {
            appendLine(Self.contentLine(property), to: &output)
        }
        for component in calendar.components {
            append(component, to: &output)
        }
        appendLine("END:VCALENDAR", to: &output)
        return output
    }

    /// The calendar as a string.
    public func string(_ calendar: ICalendar) -> String {
        String(decoding: bytes(calendar), as: UTF8.self)
    }

    /// One property as an unfolded content line, without CRLF.
    public static func contentLine(_ property: ICalProperty) -> String {
        var line = property.name
        for parameter in property.parameters {
            line += ";" + parameter.name + "="
            line += parameter.values.map(parameterValue).joined(separator: ",")
        }
        line += ":"
        switch property.value {
        case .text(let text): line += escapeText(text)
        case .raw(let raw): line += raw
        }
        return line
    }

    /// TEXT escaping: backslash, semicolon and comma get a backslash, a line break
    /// (LF or CRLF) becomes `\n`; anything else a reader could take as a line break, and other
    /// control characters except TAB, become spaces (`LineSafeText`). Colons are left alone.
    public static func escapeText(_ text: String) -> String {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 8)
        for byte in LineSafeText.clean(text).utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","):
                escaped.append(UInt8(ascii: "\\"))
                escaped.append(byte)
            case UInt8(ascii: "\n"):
                escaped.append(UInt8(ascii: "\\"))
                escaped.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\t"):
                escaped.append(byte)
            case 0..<0x20, 0x7F:
                break
            default:
                escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Folds one content line: every physical line is at most 75 octets, a
    /// continuation line starts with one space, and a UTF-8 character is never cut.
    /// Lines are joined with CRLF; no CRLF is added at the end.
    public static func fold(_ line: String) -> String {
        var output: [UInt8] = []
        var source = line
        source.withUTF8 { appendFolded($0, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    private func append(_ component: ICalComponent, to output: inout [UInt8]) {
        appendLine("BEGIN:" + component.name, to: &output)
        for property in component.properties {
            appendLine(Self.contentLine(property), to: &output)
        }
        for subcomponent in component.subcomponents {
            append(subcomponent, to: &output)
        }
        appendLine("END:" + component.name, to: &output)
    }

    private func appendLine(_ line: String, to output: inout [UInt8]) {
        var source = line
        source.withUTF8 { Self.appendFolded($0, to: &output) }
        output.append(UInt8(ascii: "\r"))
        output.append(UInt8(ascii: "\n"))
    }

    private static func appendFolded(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var start = 0
        var limit = maximumLineOctets
        while bytes.count - start > limit {
            var cut = start + limit
            while cut > start + 1 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<cut]))
            output.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: " ")])
            start = cut
            limit = maximumLineOctets - 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// RFC 6868 caret escapes for `^`, line breaks and `"`; DQUOTEs around values
    /// holding `:`, `;` or `,`.
    private static func parameterValue(_ value: String) -> String {
        var encoded = ""
        var needsQuotes = false
        for scalar in LineSafeText.clean(value).unicodeScalars {
            switch scalar {
            case "^": encoded += "^^"
            case "\n": encoded += "^n"
            case "\"": encoded += "^'"
            case ":", ";", ",":
                needsQuotes = true
                encoded.unicodeScalars.append(scalar)
            case "\t":
                encoded.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                break
            default:
                encoded.unicodeScalars.append(scalar)
            }
        }
        return needsQuotes ? "\"" + encoded + "\"" : encoded
    }
}
