import Foundation
import RingbackJSON
import RingbackSeededRandom

/// Everything the emulator remembers. A value: a batch is applied to a copy and kept only if all of it succeeds.
struct EmulatorState {
    var spreadsheets: [String: Spreadsheet] = [:]
    var calendars: [String: CalendarData] = [:]
    var accounts: [String: ServiceAccountRecord] = [:]
    var refreshTokens: [String: RefreshTokenRecord] = [:]
    var accessTokens: [String: AccessTokenRecord] = [:]
    var counts: [String: Int] = [:]
    var faults: FaultOptions
    /// Bodies to refuse once each, unapplied (see `GoogleEmulator.refuseNext`).
    var refusals: [String] = []
    var random: SeededRandom
    var baseURL = "http://127.0.0.1"
    /// Advances on every Calendar change; sync tokens name a point on it.
    var calendarClock = 0
    /// Fixed per emulator, so a sync token from another emulator run is refused.
    var syncEpoch: UInt64

    init(options: EmulatorOptions) {
        faults = options.faults
        random = SeededRandom(seed: options.seed)
        syncEpoch = random.next() & 0xFFFF_FFFF
    }

    mutating func count(_ name: String) { counts[name, default: 0] += 1 }

    mutating func randomID(length: Int, alphabet: String) -> String {
        let chars = Array(alphabet)
        return String((0..<length).map { _ in chars[Int(random.next() % UInt64(chars.count))] })
    }
}

/// The one lock around the state: handlers are short and synchronous, so a plain lock is enough.
final class LockedState: @unchecked Sendable {
    private let lock = NSLock()
    private var state: EmulatorState

    init(_ state: EmulatorState) { self.state = state }

    func withState<T>(_ body: (inout EmulatorState) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
