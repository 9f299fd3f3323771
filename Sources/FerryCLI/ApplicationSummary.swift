import FerryCore
import Foundation

/// The `key: value` block `ferry app get` prints above the resources table (Argo CD's layout).
public enum ApplicationSummary {
    /// The summary lines, each ending in a newline.
    public static func text(_ app: Application, now: Date = Date()) -> String {
        var fields: [(String, String)] = [
            ("Name", app.name),
            ("Server", app.spec.destination.server ?? "in-cluster"),
            ("Namespace", app.spec.destination.namespace),
            ("Repo", app.spec.source.repoURL),
            ("Target", app.spec.source.targetRevision),
            ("Path", app.spec.source.path),
            ("Sync Policy", syncPolicy(app.spec)),
            ("Sync Status", syncStatus(app)),
            ("Health Status", health(app.status.health)),
        ]
        if let last = ApplicationTable.lastSync(app) {
            fields.append(("Last Sync", "\(Age.timestamp(last)) (\(Age.since(last, now: now)) ago)"))
        }
        if let pin = app.status.pinned {
            fields.append(("Pinned", "rolled back to sync run \(pin.syncRunID) (\(pin.gitRevision)) until Git moves on"))
        }
        if let operation = app.status.operationState {
            fields.append(("Operation", operation.phase.rawValue + (operation.message.isEmpty ? "" : ": \(operation.message)")))
        }
        for condition in app.status.conditions {
            fields.append(("Condition", "\(condition.type): \(condition.message)"))
        }
        return fields.map { key, value in (key + ":").padding(toLength: 20, withPad: " ", startingAt: 0) + value + "\n" }.joined()
    }

    /// `Automated (Prune, SelfHeal)`, `Automated`, or `Manual`; `CreateNamespace=true` is appended.
    static func syncPolicy(_ spec: ApplicationSpec) -> String {
        var text = "Manual"
        if spec.isAutomated {
            let flags = [spec.autoPrune ? "Prune" : nil, spec.selfHeal ? "SelfHeal" : nil].compactMap { $0 }
            text = "Automated" + (flags.isEmpty ? "" : " (\(flags.joined(separator: ", ")))")
        }
        if let options = spec.syncPolicy?.syncOptions, !options.isEmpty {
            text += "; options: " + options.joined(separator: ", ")
        }
        return text
    }

    /// `Synced to main (abc1234)`, Argo CD's wording.
    static func syncStatus(_ app: Application) -> String {
        let status = app.status.sync.status.rawValue
        let preposition = app.status.sync.status == .synced ? "to" : "from"
        guard let revision = app.status.sync.revision, !revision.isEmpty else { return status }
        return "\(status) \(preposition) \(app.spec.source.targetRevision) (\(ApplicationTable.shortRevision(revision)))"
    }

    private static func health(_ health: Health) -> String {
        health.status.rawValue + ((health.message ?? "").isEmpty ? "" : " (\(health.message ?? ""))")
    }
}
