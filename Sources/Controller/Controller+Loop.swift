import FerryCore
import Foundation
import Synchronization

/// When each application is next due for a refresh.
final class Schedule: Sendable {
    private let due = Mutex<[String: ContinuousClock.Instant]>([:])

    func dueNow(_ app: String) { due.withLock { $0[app] = .now } }
    func dueSoon(_ app: String) { due.withLock { $0[app] = .now + .seconds(2) } }
    func remove(_ app: String) { _ = due.withLock { $0.removeValue(forKey: app) } }

    /// After a reconcile: next check after the poll interval (with jitter), or soon while things are settling.
    func reconciled(_ app: String, progressing: Bool, interval: Duration, jitter: Double) {
        let factor = 1 + Double.random(in: -jitter...jitter)
        var next = interval * factor
        if progressing { next = min(next, .seconds(2)) }
        due.withLock { $0[app] = .now + next }
    }

    /// Starts scheduling apps that are not known yet (due at once).
    func track(_ apps: [String]) {
        due.withLock { table in for app in apps where table[app] == nil { table[app] = .now } }
    }

    /// Apps whose time has come. Each is marked in flight until `reconciled` sets its next time.
    func takeDue() -> [String] {
        due.withLock { table in
            let now = ContinuousClock.Instant.now
            let ready = table.filter { $0.value <= now }.map(\.key).sorted()
            for name in ready { table[name] = now + .seconds(3600) }
            return ready
        }
    }
}

extension Controller {
    /// The controller's main loop: every tick, reconciles the applications that are due. Runs until cancelled.
    public func run(tick: Duration = .milliseconds(500)) async throws {
        logger.info("controller started", metadata: ["pollInterval": "\(options.pollInterval)"])
        // Apps created later are scheduled by `create`; deleted ones are dropped by `delete`.
        schedule.track(try store.applications().map(\.name))
        try await withThrowingDiscardingTaskGroup { group in
            while !Task.isCancelled {
                for name in schedule.takeDue() {
                    group.addTask { await self.reconcileLogged(name) }
                }
                try await Task.sleep(for: tick)
            }
        }
    }

    func reconcileLogged(_ name: String) async {
        do { try await reconcile(name, allowAutoSync: true) } catch {
            logger.error("reconcile failed", metadata: ["app": "\(name)", "error": "\(error)"])
            schedule.reconciled(name, progressing: false, interval: options.pollInterval, jitter: options.jitter)
        }
    }
}
