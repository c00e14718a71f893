import RingbackGoogle

/// The Google clients a run uses: built from the config's `google:` block, or handed in by a test.
public struct GoogleServices: Sendable {
    public var sheets: any SheetsService
    public var calendar: any CalendarService

    public init(sheets: any SheetsService, calendar: any CalendarService) {
        self.sheets = sheets
        self.calendar = calendar
    }
}
