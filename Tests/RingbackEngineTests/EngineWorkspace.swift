import Foundation
import RingbackCore
import RingbackNormalisation
import RingbackSync
import RingbackTesting

/// A sync engine wired to in-memory twins of every port: runs in milliseconds, no file touched.
struct EngineWorkspace {
    var source = InMemoryCallSource()
    var sheet = InMemorySheet()
    var calendar = InMemoryCalendar()
    var store = InMemoryStateStore()
    var rules = Fixtures.rules()

    var engine: SyncEngine {
        SyncEngine(
            sources: [source], sheet: sheet, calendars: [calendar], store: store,
            planner: RunPlanner(rules: rules, phones: try! PhoneNormaliser(defaultCountry: "US")), rejectsPath: nil)
    }

    /// Plans and applies one run at `now`, as `ringback sync` does.
    @discardableResult
    func sync(at now: Date, _ calls: [Call] = []) throws -> SyncPlan {
        source.add(calls)
        let run = try engine.prepare(now: now)
        try engine.apply(run, finishedAt: now)
        return run.plan
    }

    /// Three callers on a Friday: a leak voicemail, a plain missed call, a remodel estimate.
    static let friday: [Call] = [
        Fixtures.missed("c1", from: "+15125550142", at: Fixtures.central(20, 9), voicemail: "Water is leaking under the sink in 78704"),
        Fixtures.missed("c2", from: "+15125550143", at: Fixtures.central(20, 10)),
        Fixtures.missed("c3", from: "+15125550144", at: Fixtures.central(20, 11), voicemail: "We want an estimate for a remodel, 78751"),
    ]
    static let evening = Fixtures.central(20, 17)

    func leadID(phone: String) -> String? {
        sheet.current?.contents.rows.values.first { $0.cells[.phone] == phone }?.leadID
    }
}
