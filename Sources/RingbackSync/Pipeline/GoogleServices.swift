import RingbackGoogle

/// The Google clients a run uses: built from the config's `google:` block, or handed in by a test.
package struct GoogleServices: Sendable {
    package var sheets: any SheetsService
    package var calendar: any CalendarService

    package init(sheets: any SheetsService, calendar: any CalendarService) {
        self.sheets = sheets
        self.calendar = calendar
    }
}
