import Dispatch
import Foundation
import RingbackCore

/// Splits work into chunks that run on every core and returns their results in chunk order;
/// the pipeline's heavy stages (reading a large export, evaluating leads) use it.
package enum ParallelChunks {
    package static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    package static func map<Result: Sendable>(count: Int, _ work: @Sendable (Int) -> Result) -> [Result] {
        guard count > 1 else { return count == 1 ? [work(0)] : [] }
        let slots = Slots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.set(index, work(index))
        }
        return slots.values
    }

    /// `(0..<count).map(transform)` computed on every core, written straight into the result
    /// (no per-chunk arrays to merge, so a large result is never held twice).
    package static func mapIndices<Element>(_ count: Int, minimumPerChunk: Int = 10_000, _ transform: @Sendable (Int) -> Element) -> [Element] {
        let chunks = count < minimumPerChunk * 2 ? 1 : coreCount * 2
        guard chunks > 1 else { return (0..<count).map(transform) }
        let chunkSize = (count + chunks - 1) / chunks
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            let target = UnsafeSendableBuffer(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in min(chunk * chunkSize, count)..<min((chunk + 1) * chunkSize, count) {
                    (target.base + index).initialize(to: transform(index))
                }
            }
            initialized = count
        }
    }

    /// Each chunk writes only its own disjoint range of the buffer.
    private struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Element>
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

/// The application layer's runner for the core's chunked stages: every core.
package struct ParallelWork: ChunkedWork {
    package init() {}
    package var width: Int { ParallelChunks.coreCount }
    package func map<Result: Sendable>(count: Int, _ work: @Sendable (Int) -> Result) -> [Result] {
        ParallelChunks.map(count: count, work)
    }
}
