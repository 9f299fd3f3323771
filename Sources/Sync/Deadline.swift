import Foundation

/// Runs `body`, giving up after `timeout` even when `body` ignores cancellation (it is cancelled and left to
/// finish in the background). No timeout → just runs `body`.
func withDeadline<T: Sendable>(_ timeout: Duration?, what: String,
                               _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    guard let timeout else { return try await body() }
    let gate = DeadlineGate<T>()
    return try await withCheckedThrowingContinuation { continuation in
        gate.arm(continuation)
        let work = Task {
            do { gate.finish(.success(try await body())) } catch { gate.finish(.failure(error)) }
        }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            if Task.isCancelled { return }
            work.cancel()
            gate.finish(.failure(SyncError("\(what) timed out after \(timeout)")))
        }
        gate.onFinish { timer.cancel() }
    }
}

/// Resumes a continuation exactly once, from whichever of the work or the timer finishes first.
private final class DeadlineGate<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Error>?
    private var cleanup: (@Sendable () -> Void)?
    private var finished = false

    func arm(_ continuation: CheckedContinuation<T, Error>) {
        lock.withLock { self.continuation = continuation }
    }

    func onFinish(_ action: @escaping @Sendable () -> Void) {
        let runNow = lock.withLock { () -> Bool in
            if finished { return true }
            cleanup = action
            return false
        }
        if runNow { action() }
    }

    func finish(_ result: Result<T, Error>) {
        let (continuation, cleanup) = lock.withLock { () -> (CheckedContinuation<T, Error>?, (@Sendable () -> Void)?) in
            defer { self.continuation = nil; self.cleanup = nil; finished = true }
            return (self.continuation, self.cleanup)
        }
        continuation?.resume(with: result)
        cleanup?()
    }
}
