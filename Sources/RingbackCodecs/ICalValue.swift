import Foundation

/// A property value: TEXT, which the writer escapes, or anything else (DATE-TIME,
/// INTEGER, URI, enumerations like STATUS), which is written as given.
public enum ICalValue: Sendable, Hashable {
    /// Escaped on output: `\` `;` `,` get a backslash, a line break becomes `\n`,
    /// and other control characters except TAB are dropped.
    case text(String)
    /// Written exactly as given.
    case raw(String)

    /// A UTC DATE-TIME, `YYYYMMDDTHHMMSSZ`, truncated to whole seconds.
    public static func utcDateTime(_ date: Date) -> ICalValue {
        .raw(ICalDateFormatting.utcDateTime(date))
    }

    /// A DATE, `YYYYMMDD`.
    public static func date(year: Int, month: Int, day: Int) -> ICalValue {
        .raw(ICalDateFormatting.date(year: year, month: month, day: day))
    }

    /// An INTEGER such as a SEQUENCE number.
    public static func integer(_ value: Int) -> ICalValue {
        .raw(String(value))
    }
}
