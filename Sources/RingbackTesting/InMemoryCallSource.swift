import Foundation
import RingbackCore

/// Calls handed to the engine as a phone system would: each call once, unless told to repeat it.
package final class InMemoryCallSource: CallSource, @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Call] = []
    private var pendingRejects: [RecordReject] = []

    package let name: String

    package init(name: String = "memory", calls: [Call] = []) {
        self.name = name
        pending = calls
    }

    /// Calls the next pull brings.
    package func add(_ calls: [Call], rejects: [RecordReject] = []) {
        lock.withLock {
            pending += calls
            pendingRejects += rejects
        }
    }

    package func pull(_ state: any SourceStateReading, now: Date) throws -> SourcePull {
        lock.withLock {
            var pull = SourcePull(source: name)
            pull.calls = pending
            pull.records = pending.count + pendingRejects.count
            pull.rejects = pendingRejects
            pending = []
            pendingRejects = []
            return pull
        }
    }
}
