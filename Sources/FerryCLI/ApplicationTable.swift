import FerryCore
import Foundation

/// The tables `ferry app list` and `ferry app get` print.
public enum ApplicationTable {
    /// `app list`: NAME, REPO, PATH, REVISION, SYNC, HEALTH, LAST SYNC; `wide` adds destination,
    /// sync policy and conditions.
    public static func list(_ apps: [Application], wide: Bool = false, now: Date = Date()) -> Table {
        var headers = ["NAME", "REPO", "PATH", "REVISION", "SYNC", "HEALTH", "LAST SYNC"]
        if wide { headers += ["SERVER", "NAMESPACE", "SYNC POLICY", "CONDITIONS"] }
        var table = Table(headers: headers)
        for app in apps.sorted(by: { $0.name < $1.name }) {
            var row = [app.name, app.spec.source.repoURL, app.spec.source.path, app.spec.source.targetRevision,
                       app.status.sync.status.rawValue, app.status.health.status.rawValue,
                       lastSync(app).map { Age.since($0, now: now) + " ago" } ?? "-"]
            if wide {
                row += [app.spec.destination.server ?? "in-cluster", app.spec.destination.namespace,
                        syncPolicy(app.spec), conditions(app)]
            }
            table.append(row)
        }
        return table
    }

    /// `app get`: one row per managed resource, sorted by identity.
    public static func resources(_ app: Application, wide: Bool = false) -> Table {
        var headers = ["GROUP", "KIND", "NAMESPACE", "NAME", "STATUS", "HEALTH", "MESSAGE"]
        if wide { headers.insert("VERSION", at: 1) }
        var table = Table(headers: headers)
        for resource in app.status.resources.sorted(by: { $0.key < $1.key }) {
            var row = [resource.group, resource.kind, resource.namespace, resource.name,
                       resource.status.rawValue, resource.health?.status.rawValue ?? "", resource.health?.message ?? ""]
            if wide { row.insert(resource.version, at: 1) }
            table.append(row)
        }
        return table
    }

    /// When the app last synced: the newest history entry, else the last finished operation.
    public static func lastSync(_ app: Application) -> Date? {
        app.status.history.map(\.deployedAt).max() ?? app.status.operationState?.finishedAt
    }

    /// Argo CD's short sync-policy words: `Manual`, `Auto`, `Auto-Prune`, plus `SelfHeal`.
    public static func syncPolicy(_ spec: ApplicationSpec) -> String {
        guard spec.isAutomated else { return "Manual" }
        return (spec.autoPrune ? "Auto-Prune" : "Auto") + (spec.selfHeal ? ",SelfHeal" : "")
    }

    /// Condition types, comma-separated, or `<none>`.
    public static func conditions(_ app: Application) -> String {
        app.status.conditions.isEmpty ? "<none>" : app.status.conditions.map(\.type).joined(separator: ",")
    }

    /// A Git SHA shortened to 7 characters; other revisions unchanged.
    public static func shortRevision(_ revision: String) -> String {
        let isSHA = revision.count == 40 && revision.allSatisfy(\.isHexDigit)
        return isSHA ? String(revision.prefix(7)) : revision
    }
}
