import Foundation

/// Dates are stored as REAL seconds since 2001-01-01T00:00:00Z, Foundation's own representation,
/// so every instant reads back bit-for-bit equal and range filters never round across a boundary.
extension Date {
    var storedSeconds: Double { timeIntervalSinceReferenceDate }

    init(storedSeconds: Double) {
        self.init(timeIntervalSinceReferenceDate: storedSeconds)
    }
}
