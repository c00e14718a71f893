import Foundation
import Testing

@testable import RingbackSync

/// The CSV as the office opens it in the morning: what needs doing first on top.
@Suite struct MorningListTests {
    /// The samples' leads, worked out by hand from their statuses and due-by times.
    static let morningOrder = [
        "RB-EZJH376A",  // Staff review (Monday's call nobody returned, escalated), due 2026-11-16 11:00
        "RB-TN14Y6ZB",  // New missed call, due 2026-11-19 15:00 (overdue)
        "RB-AX3FRQP7", "RB-67YWJZ34",  // Awaiting reply due 09:15; Maria, due 10:14 from her first call
        "RB-TPSPAB5A", "RB-FS4QY7Z7",  // Staff review, due 11:00 and 13:02
        "RB-JKJWRPPT", "RB-5TW251K3", "RB-JZFQRJ48",  // due 14:15, 15:20, 17:20
        "RB-N8NWJ8BH",  // Qualified, no due-by
        "RB-DYG0DQ47", "RB-CW7PADHP", "RB-JND2R7XW",  // closed, newest call first
        "RB-Q5BF2GEG",  // Booked from the plumbing crew's calendar (Thursday night's call)
    ]

    @Test func openLeadsComeFirstByDueTimeThenClosedOnes() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        #expect(try workspace.sheet().map { $0["Lead ID"]! } == Self.morningOrder)
    }

    @Test func rowsTheOfficeAddedKeepTheirPlaceWhenRingbackReorders() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        try workspace.editSheet { header, rows in
            header.append("Crew")
            rows = rows.map { $0 + ["Ana"] }
            rows.insert(Array(repeating: "", count: header.count - 1) + ["Monday: van 2 in the shop"], at: 0)
            rows.insert(["MY-OWN-1", "2026-11-20 08:00", "Walk-in"] + Array(repeating: "", count: header.count - 3), at: 5)
            rows.reverse()
        }
        let edited = try workspace.sheet()
        let ownPlaces = edited.enumerated().filter { !($0.element["Lead ID"] ?? "").hasPrefix("RB-") }.map(\.offset)
        // A day later leads close and Ringback writes: its rows are put back in order around the office's.
        try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(4 * 86400))
        let after = try workspace.sheet()
        #expect(after.count == edited.count)
        #expect(after.enumerated().filter { !($0.element["Lead ID"] ?? "").hasPrefix("RB-") }.map(\.offset) == ownPlaces)
        #expect(ownPlaces.map { after[$0] } == ownPlaces.map { edited[$0] })
        let ours = after.filter { ($0["Lead ID"] ?? "").hasPrefix("RB-") }
        #expect(ours.allSatisfy { $0["Crew"] == "Ana" }, "rows move whole")
        let statuses = ours.map { $0["Status"] ?? "" }
        let firstClosed = statuses.firstIndex { ["Booked", "Closed - no response", "Closed - not a fit"].contains($0) } ?? statuses.count
        #expect(statuses[firstClosed...].allSatisfy { ["Booked", "Closed - no response", "Closed - not a fit"].contains($0) })
    }
}
