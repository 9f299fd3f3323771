import FerryCore
import Foundation

/// Sample API objects for the tests.
enum Fixtures {
    static let t0 = Date(timeIntervalSince1970: 1_714_557_600) // 2024-05-01T10:00:00Z

    static func app(_ name: String = "guestbook", sync: SyncStatus = .synced, health: HealthStatus = .healthy,
                    automated: Bool = false) -> Application {
        var app = Application(name: name, spec: ApplicationSpec(
            source: Source(repoURL: "https://git.example/apps.git", path: "guestbook", targetRevision: "main"),
            destination: Destination(namespace: "demo"),
            syncPolicy: automated ? SyncPolicy(automated: .init(prune: true, selfHeal: false)) : nil))
        app.status.sync = .init(status: sync, revision: String(repeating: "ab", count: 20))
        app.status.health = Health(health)
        app.status.history = [HistoryEntry(id: 1, revision: "abc", deployedAt: t0, initiatedBy: "admin")]
        app.status.resources = [
            ResourceStatus(key: ResourceKey(group: "apps", kind: "Deployment", namespace: "demo", name: "web"),
                           version: "v1", status: sync, health: Health(health)),
            ResourceStatus(key: ResourceKey(group: "", kind: "Service", namespace: "demo", name: "web"),
                           version: "v1", status: .synced, health: Health(.healthy)),
        ]
        return app
    }

    static func run(id: Int64 = 2, phase: SyncRunPhase = .succeeded, rollbackOf: Int64? = nil) -> SyncRun {
        SyncRun(id: id, app: "guestbook", revision: String(repeating: "cd", count: 20), startedAt: t0,
                finishedAt: t0.addingTimeInterval(5), phase: phase, message: phase == .failed ? "apply failed" : "",
                initiatedBy: "admin", rollbackOf: rollbackOf,
                resources: [ResourceResult(key: ResourceKey(group: "apps", kind: "Deployment", namespace: "demo", name: "web"),
                                           action: .configured),
                            ResourceResult(key: ResourceKey(group: "", kind: "Namespace", namespace: "", name: "demo"),
                                           action: .created)])
    }
}
