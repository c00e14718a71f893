import Dispatch
import Foundation

/// Splits work into chunks that run on every core and returns their results in chunk order;
/// the pipeline's heavy stages (reading a large export, evaluating leads) use it.
public enum ParallelChunks {
    public static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    public static func map<Result: Sendable>(count: Int, _ work: @Sendable (Int) -> Result) -> [Result] {
        guard count > 1 else { return count == 1 ? [work(0)] : [] }
        let slots = Slots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.set(index, work(index))
        }
        return slots.values
    }

    private final class Slots<Value>: @unchecked Sendable {
        private var slots: [Value?]
        private let lock = NSLock()

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ value: Value) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        var values: [Value] { slots.compactMap { $0 } }
    }
}
