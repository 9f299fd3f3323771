import FerryCore

/// What `ferry app wait` waits for: sync status `Synced`, health `Healthy`, or both; and in every case
/// no sync operation still running.
public struct WaitCondition: Sendable, Equatable {
    /// Wait for sync status `Synced`.
    public var sync: Bool
    /// Wait for health `Healthy`.
    public var health: Bool

    /// Creates a condition; asking for neither means both.
    public init(sync: Bool, health: Bool) {
        let both = !sync && !health
        self.sync = sync || both
        self.health = health || both
    }

    /// True when the application satisfies the condition.
    public func isMet(by app: Application) -> Bool {
        if app.status.operationState?.phase == .running { return false }
        if sync && app.status.sync.status != .synced { return false }
        if health && app.status.health.status != .healthy { return false }
        return true
    }

    /// What is awaited, e.g. `Synced and Healthy`.
    public var goal: String {
        [sync ? "Synced" : nil, health ? "Healthy" : nil].compactMap { $0 }.joined(separator: " and ")
    }

    /// The application's current state in the condition's terms, e.g. `sync OutOfSync, health Progressing`.
    public func state(of app: Application) -> String {
        var parts = ["sync \(app.status.sync.status.rawValue)", "health \(app.status.health.status.rawValue)"]
        if app.status.operationState?.phase == .running { parts.append("a sync is running") }
        return parts.joined(separator: ", ")
    }
}
