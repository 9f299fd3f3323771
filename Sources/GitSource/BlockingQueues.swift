import Dispatch
import Foundation

/// One serial dispatch queue per key (per remote URL): work for the same key runs one item at a time,
/// work for different keys runs in parallel, and none of it blocks Swift's cooperative thread pool.
final class BlockingQueues: @unchecked Sendable {
    private let lock = NSLock()
    private var queues: [String: DispatchQueue] = [:]

    /// The serial queue for `key`, created on first use.
    func queue(for key: String) -> DispatchQueue {
        lock.withLock {
            if let queue = queues[key] { return queue }
            let queue = DispatchQueue(label: "ferry.git.\(key.prefix(12))")
            queues[key] = queue
            return queue
        }
    }

    /// Runs blocking `work` on the queue for `key` and returns its result. When `watchdog` seconds pass
    /// first, the caller gets `timeoutError()` (the work finishes in the background, still serialised).
    func run<T: Sendable>(key: String, watchdog: TimeInterval, timeoutError: @escaping @Sendable () -> Error,
                          _ work: @escaping @Sendable () throws -> T) async throws -> T {
        let queue = queue(for: key)
        return try await withCheckedThrowingContinuation { continuation in
            let once = ResumeOnce(continuation)
            queue.async { once.resume(Result { try work() }) }
            DispatchQueue.global().asyncAfter(deadline: .now() + watchdog) { once.resume(.failure(timeoutError())) }
        }
    }
}

/// Resumes a continuation at most once (the work and the watchdog race).
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Error>?

    init(_ continuation: CheckedContinuation<T, Error>) { self.continuation = continuation }

    func resume(_ result: Result<T, Error>) {
        let pending: CheckedContinuation<T, Error>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        pending?.resume(with: result)
    }
}

/// Thread-safe counters of remote operations, exposed for tests and metrics.
final class RemoteCounters: @unchecked Sendable {
    private let lock = NSLock()
    private var fetches = 0
    private var listings = 0

    var fetchCount: Int { lock.withLock { fetches } }
    var listCount: Int { lock.withLock { listings } }
    func countFetch() { lock.withLock { fetches += 1 } }
    func countListing() { lock.withLock { listings += 1 } }
}
