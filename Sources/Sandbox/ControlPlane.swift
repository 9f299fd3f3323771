import FerryCore
import Foundation
import Logging
import Synchronization

/// The simulated controllers: after `delay`, workloads report ready, Jobs complete, PVCs bind, Pods run and
/// LoadBalancer Services get an address. Reacts to committed writes; status writes bump `resourceVersion`
/// but never `generation`.
final class ControlPlane: Sendable {
    let store: ObjectStore
    let delay: Duration
    let logger: Logger
    private let pending = Mutex<Set<ObjectKey>>([])
    /// Names of the Namespaces being terminated: any change inside one re-runs the namespace controller.
    let terminatingNamespaces = Mutex<Set<String>>([])
    /// Owners in `Foreground` or `Orphan` deletion, by uid: changes to their dependents re-run the collector.
    let collecting = Mutex<[String: ObjectKey]>([:])

    /// Resources the simulation looks after.
    static let watched: Set<String> = [
        "apps/deployments", "apps/statefulsets", "apps/daemonsets", "apps/replicasets", "batch/jobs",
        "/services", "/persistentvolumeclaims", "/pods", "/namespaces", "networking.k8s.io/ingresses",
    ]

    init(store: ObjectStore, delay: Duration, logger: Logger) {
        self.store = store; self.delay = delay; self.logger = logger
    }

    /// Runs until cancelled: reconciles every changed object of a watched resource after the delay.
    func run() async {
        let events = store.feed.subscribe()
        await withDiscardingTaskGroup { group in
            // Catch up with objects written before this start (e.g. after a restart).
            for key in (try? existingKeys()) ?? [] { schedule(key, in: &group) }
            for key in (try? resumeCollections()) ?? [] { schedule(key, in: &group) }
            for await event in events {
                for key in followUps(event) { schedule(key, in: &group) }
            }
            group.cancelAll()
        }
    }

    private func schedule(_ key: ObjectKey, in group: inout DiscardingTaskGroup) {
        guard Self.watched.contains("\(key.group)/\(key.resource)") || isCollecting(key) else { return }
        guard pending.withLock({ $0.insert(key).inserted }) else { return }
        group.addTask { [self] in
            try? await Task.sleep(for: delay)
            pending.withLock { _ = $0.remove(key) }
            if Task.isCancelled { return }
            reconcile(key)
        }
    }

    /// The objects a change makes the controllers look at: the changed object itself (unless deleted), the
    /// owning ReplicaSet of a deleted Pod (it creates a replacement), and a terminating Namespace.
    private func followUps(_ event: ChangeEvent) -> [ObjectKey] {
        var keys: [ObjectKey] = event.type == .deleted ? [] : [event.key]
        if event.type == .deleted, event.key.group.isEmpty, event.key.resource == "pods",
           let owner = (event.object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? [])
               .first(where: { $0["controller"] == true && $0["kind"] == "ReplicaSet" })?["name"]?.stringValue {
            keys.append(ObjectKey(group: "apps", resource: "replicasets", namespace: event.key.namespace, name: owner))
        }
        let namespace = event.key.namespace
        if !namespace.isEmpty, terminatingNamespaces.withLock({ $0.contains(namespace) }) {
            keys.append(ObjectKey(group: "", resource: "namespaces", namespace: "", name: namespace))
        }
        return keys + collectionFollowUps(event)
    }

    /// Whether `object`'s status has the condition `type` with status True.
    static func hasCondition(_ object: Value, _ type: String) -> Bool {
        (object[path: ["status", "conditions"]]?.arrayValue ?? []).contains {
            $0["type"]?.stringValue == type && $0["status"]?.stringValue == "True"
        }
    }

    /// Whether a Job has its Complete or Failed condition.
    static func finished(_ job: Value) -> Bool { hasCondition(job, "Complete") || hasCondition(job, "Failed") }

    private func existingKeys() throws -> [ObjectKey] {
        var keys: [ObjectKey] = []
        for entry in Self.watched {
            let parts = entry.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let items = try store.list(group: parts[0], resource: parts[1], namespace: nil).items
            keys += items.map {
                ObjectKey(group: parts[0], resource: parts[1], namespace: KubeObject($0).namespace, name: KubeObject($0).name)
            }
        }
        return keys
    }

    /// Writes the simulated status of one object if it differs from the stored one.
    func reconcile(_ key: ObjectKey) {
        do {
            var transition: (old: Value, new: Value)?
            try store.modify(key) { current in
                guard let current else { return .keep }
                let next = Simulation.observe(current, resource: key.resource, now: ObjectRules.timestamp())
                if next == current { return .keep }
                transition = (current, next)
                return .put(next)
            }
            if let transition {
                recordTransition(key.resource, from: transition.old, to: transition.new)
                if key.group == "batch" && key.resource == "jobs", Self.finished(transition.new), !Self.finished(transition.old) {
                    try cronJobsJobFinished(transition.new)
                }
            }
            if key.group == "apps" && key.resource == "deployments" { try reconcileReplicaSets(of: key) }
            if key.group == "apps" && key.resource == "replicasets" { try reconcilePods(of: key) }
            if key.group.isEmpty && key.resource == "namespaces" { try reconcileNamespace(key) }
            if isCollecting(key) { try collectGarbage(key) }
        } catch {
            logger.warning("simulated controller failed", metadata: ["object": "\(key)", "error": "\(error)"])
        }
    }
}
