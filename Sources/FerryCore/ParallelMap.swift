import Dispatch
import Foundation

/// Runs independent pieces of work on all cores and returns their results in input order: a chart's files are
/// read, its templates parsed and executed independently, and so are the documents of its output.
public enum ParallelMap {
    /// `transform` of every element, computed concurrently; each result (or error) stays at its element's index.
    /// Workers take the next unclaimed element as they finish one, so a few slow elements do not leave the
    /// other cores idle (a chart's templates differ in cost by orders of magnitude).
    public static func results<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) throws -> R) -> [Result<R, Error>] {
        let workers = min(items.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard workers > 1 else { return items.map { item in Result { try transform(item) } } }
        let slots = Slots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = slots.claim() { slots.set(index, Result { try transform(items[index]) }) }
        }
        return slots.values()
    }

    /// `transform` of every element, concurrently; throws the error of the first failing element in input order.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) throws -> R) throws -> [R] {
        try results(items, transform).map { try $0.get() }
    }

    /// The next index to work on, and one result slot per index, each written by exactly one worker before
    /// `values()` reads them (after `concurrentPerform` has returned).
    private final class Slots<R>: @unchecked Sendable {
        private let count: Int
        private var next = 0
        private let lock = NSLock()
        private let storage: UnsafeMutablePointer<Result<R, Error>?>

        init(count: Int) {
            self.count = count
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil, count: count)
        }

        deinit {
            storage.deinitialize(count: count)
            storage.deallocate()
        }

        func claim() -> Int? {
            lock.withLock {
                guard next < count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func set(_ index: Int, _ value: Result<R, Error>) { storage[index] = value }

        /// A plain loop: in this generic (unspecialised) code, mapping a range instantiates range and
        /// collection types at run time, each checked against its protocols by a scan of all conformances.
        func values() -> [Result<R, Error>] {
            var out: [Result<R, Error>] = []
            out.reserveCapacity(count)
            var index = 0
            while index < count {
                out.append(storage[index] ?? .failure(CancellationError()))
                index += 1
            }
            return out
        }
    }
}
