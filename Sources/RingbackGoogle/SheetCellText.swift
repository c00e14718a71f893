import Foundation
import RingbackCodecs
import RingbackJSON

/// Turns a cell read with `UNFORMATTED_VALUE` into the text the planner compares: strings as they are,
/// whole numbers without a fraction, and date-times the office typed (serial numbers) as local wall-clock text.
package enum SheetCellText {
    /// Day 0 of Sheets' serial numbers (1899-12-30) as seconds before 1970-01-01.
    private static let serialEpochOffset = 25_569.0 * 86_400

    /// The value written for a cell's text: line-safe (`LineSafeText`), a line break kept as one in the cell.
    package static func outgoing(_ text: String) -> JSONValue {
        .string(LineSafeText.clean(text))
    }

    package static func text(_ value: JSONValue, isTime: Bool) -> String {
        switch value {
        case .string(let text): return text
        case .number(let number):
            if isTime, let text = wallClock(serial: number) { return text }
            return JSONValue.numberText(number)
        case .bool(let flag): return flag ? "TRUE" : "FALSE"
        case .null: return ""
        case .array, .object: return value.text
        }
    }

    /// `2026-11-24 09:30` for serial 46350.3958…; a whole serial (a date without a time) gives the date alone.
    package static func wallClock(serial: Double) -> String? {
        guard serial.isFinite, serial > 1, serial < 2_958_466 else { return nil }
        let seconds = (serial * 86_400).rounded() - serialEpochOffset
        let date = Date(timeIntervalSince1970: seconds)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let year = c.year, let month = c.month, let day = c.day, let hour = c.hour, let minute = c.minute else { return nil }
        let dateText = "\(year)-\(pad(month))-\(pad(day))"
        if serial.rounded(.down) == serial { return dateText }
        return "\(dateText) \(pad(hour)):\(pad(minute))"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
