import Dispatch
import Foundation

/// Runs independent pieces of work on all cores and returns their results in input order: a chart's templates
/// are parsed and executed independently, and so are the documents of its output.
public enum ParallelMap {
    /// `transform` of every element, computed concurrently; each result (or error) stays at its element's index.
    public static func results<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) throws -> R) -> [Result<R, Error>] {
        let box = Box<R>(count: items.count)
        let workers = min(items.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard workers > 1 else { return items.map { item in Result { try transform(item) } } }
        // Contiguous stripes keep each worker's memory local; results are written once per index.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = stripe(worker, of: workers, count: items.count)
            for index in range { box.set(index, Result { try transform(items[index]) }) }
        }
        return box.values()
    }

    /// `transform` of every element, concurrently; throws the error of the first failing element in input order.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) throws -> R) throws -> [R] {
        try results(items, transform).map { try $0.get() }
    }

    static func stripe(_ worker: Int, of workers: Int, count: Int) -> Range<Int> {
        let size = (count + workers - 1) / workers
        return min(count, worker * size)..<min(count, (worker + 1) * size)
    }

    /// Result slots, each written by exactly one worker before `values()` is read.
    private final class Box<R>: @unchecked Sendable {
        private var slots: [Result<R, Error>?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<R, Error>) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }
        func values() -> [Result<R, Error>] {
            slots.map { $0 ?? .failure(CancellationError()) }
        }
    }
}
