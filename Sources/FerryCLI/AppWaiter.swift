import FerryCore

/// Polls an application until a `WaitCondition` holds or a timeout passes.
///
/// Unreachable-server errors are retried until the deadline (the server may be restarting); any other
/// error ends the wait at once.
public struct AppWaiter: Sendable {
    /// The application's name (for messages).
    public var name: String
    /// What to wait for.
    public var condition: WaitCondition
    /// How long to wait in total.
    public var timeout: Duration
    /// How long to sleep between polls.
    public var interval: Duration
    /// Where time comes from (tests pass a virtual one).
    public var timer: WaitTimer

    /// Creates a waiter.
    public init(name: String, condition: WaitCondition, timeout: Duration, interval: Duration = .seconds(1),
                timer: WaitTimer = .continuous) {
        self.name = name; self.condition = condition; self.timeout = timeout; self.interval = interval
        self.timer = timer
    }

    /// Polls `fetch` until the condition holds; returns the application as last seen.
    public func wait(fetch: () async throws -> Application) async throws -> Application {
        let deadline = timer.now() + timeout
        var lastSeen: Application?
        var lastError: CLIError?
        while true {
            do {
                let app = try await fetch()
                lastSeen = app; lastError = nil
                if condition.isMet(by: app) { return app }
            } catch let error as CLIError where error.isUnreachable {
                lastError = error
            }
            guard timer.now() + interval < deadline else {
                throw timedOut(lastSeen: lastSeen, lastError: lastError)
            }
            try await timer.sleep(interval)
        }
    }

    private func timedOut(lastSeen: Application?, lastError: CLIError?) -> CLIError {
        var message = "timed out after \(Self.seconds(timeout)) waiting for application '\(name)' to be \(condition.goal)"
        if let lastError { message += " (last error: \(lastError.message))" }
        else if let lastSeen { message += " (now: \(condition.state(of: lastSeen)))" }
        return CLIError(message)
    }

    private static func seconds(_ d: Duration) -> String {
        let (s, attos) = d.components
        return attos == 0 ? "\(s)s" : "\(Double(s) + Double(attos) / 1e18)s"
    }
}

/// A monotonic time source and a sleep, so waits can run on virtual time in tests.
public struct WaitTimer: Sendable {
    /// Time elapsed since some fixed start.
    public var now: @Sendable () -> Duration
    /// Suspends for the given duration.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a timer from its two operations.
    public init(now: @escaping @Sendable () -> Duration, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now; self.sleep = sleep
    }

    /// Real time: `ContinuousClock` and `Task.sleep`.
    public static var continuous: WaitTimer {
        let clock = ContinuousClock()
        let start = clock.now
        return WaitTimer(now: { clock.now - start }, sleep: { try await Task.sleep(for: $0) })
    }
}
