import Foundation
import RingbackCore
import Testing

/// A Missed Calls tab made before the Why and Transcript columns existed gets them at the end of its
/// header, and the rows are written under them.
@Suite struct GoogleAddedColumnsTests {
    @Test func anOlderTabGetsTheNewColumnsAppendedToItsHeader() throws {
        let google = try GoogleWorkspace(extraTabs: ["Missed Calls"])
        let old = SheetColumn.allCases.filter { !SheetColumn.addedLater.contains($0) }.map(\.title)
        for (column, title) in old.enumerated() {
            google.emulator.type(title, spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Missed Calls", row: 0, column: column)
        }
        try google.sync()
        let header = google.emulator.formattedValues(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Missed Calls")?.first ?? []
        #expect(header == old + ["Why", "Transcript", "Problems", "Suggested Message", "Offered Windows"])
        let priya = try #require(google.sheet().first { $0["Phone"] == "+15125550175" })
        #expect(priya["Why"]?.contains("safety issue water pouring through the ceiling") == true)
        #expect(priya["Transcript"]?.hasPrefix("Hi, this is Priya.") == true)
        #expect(try !google.sync().hasChanges)
    }
}
