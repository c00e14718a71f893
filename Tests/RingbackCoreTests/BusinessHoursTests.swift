import Foundation
import RingbackCore
import RingbackTesting
import Testing

@Suite struct BusinessHoursTests {
    let hours = Fixtures.weekdaysSevenToSix()

    @Test func minutesInsideOneDayStayThatDay() {
        #expect(hours.adding(minutes: 60, to: Fixtures.central(20, 9, 30)) == Fixtures.central(20, 10, 30))
    }

    @Test func minutesCarryOverClosedTimeAndTheWeekend() {
        // Friday 17:30 + 60 min = 30 min Friday + 30 min Saturday from 08:00.
        #expect(hours.adding(minutes: 60, to: Fixtures.central(20, 17, 30)) == Fixtures.central(21, 8, 30))
        // Saturday 11:45 + 60: 15 min Saturday, Sunday closed, 45 min Monday.
        #expect(hours.adding(minutes: 60, to: Fixtures.central(21, 11, 45)) == Fixtures.central(23, 7, 45))
        // Sunday starts Monday at opening.
        #expect(hours.adding(minutes: 15, to: Fixtures.central(22, 10)) == Fixtures.central(23, 7, 15))
    }

    @Test func openingHoursFollowLocalTimeAcrossDaylightSaving() {
        // 2026-03-08 is the spring-forward Sunday in Chicago; Monday 07:00 is 12:00Z (CDT), Friday before was 13:00Z (CST).
        let friday = Fixtures.central(6, 18, month: 3)
        #expect(hours.adding(minutes: 30, to: friday) == Fixtures.central(7, 8, 30, month: 3))
        let monday = Fixtures.central(9, 7, month: 3)
        #expect(monday.timeIntervalSince1970.truncatingRemainder(dividingBy: 86400) == 12 * 3600)
        #expect(hours.isOpen(at: monday))
        #expect(!hours.isOpen(at: monday.addingTimeInterval(-60)))
    }
}
