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

    /// Creates a waiter.
    public init(name: String, condition: WaitCondition, timeout: Duration, interval: Duration = .seconds(1)) {
        self.name = name; self.condition = condition; self.timeout = timeout; self.interval = interval
    }

    /// Polls `fetch` until the condition holds; returns the application as last seen.
    public func wait(fetch: () async throws -> Application) async throws -> Application {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
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
            guard clock.now.advanced(by: interval) < deadline else {
                throw timedOut(lastSeen: lastSeen, lastError: lastError)
            }
            try await Task.sleep(for: interval)
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
