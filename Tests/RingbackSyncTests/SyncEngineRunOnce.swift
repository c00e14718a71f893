import Foundation
import RingbackCore

@testable import RingbackSync

extension SyncEngine {
    /// Plans and applies one run, like `ringback sync`.
    func runOnce(at now: Date) throws -> SyncPlan {
        let run = try prepare(now: now)
        try apply(run, finishedAt: now)
        return run.plan
    }
}
