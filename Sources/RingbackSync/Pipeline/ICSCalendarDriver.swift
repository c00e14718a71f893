import RingbackCore
import RingbackOffline

/// The offline ICS calendar file: rewritten whole, events read back for adoption after an interrupted run.
struct ICSCalendarDriver: CalendarTargetDriver {
    let target: ICSCalendarTarget
    let base: [String: SyncedEvent]
    let found: [String: FoundEvent]

    init(path: String, name: String, base: [String: SyncedEvent]) throws {
        target = ICSCalendarTarget(path: path, name: name)
        self.base = base
        do {
            found = try target.load()
        } catch {
            throw SyncError.io(error.path, error.message)
        }
    }

    var label: String { target.path }
    var needsWrite: Bool { !target.exists }

    func apply(_ plan: CalendarPlan) throws {
        do {
            try target.apply(plan, base: base)
        } catch {
            throw SyncError.io(error.path, error.message)
        }
    }
}
