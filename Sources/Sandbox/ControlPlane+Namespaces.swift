import FerryCore
import Foundation

/// Namespace termination as the namespace lifecycle admission plugin and the namespace controller do it: a
/// deleted Namespace turns `Terminating` (it keeps the `kubernetes` entry of `spec.finalizers`), refuses new
/// content, has its content deleted (objects with finalizers only get a `deletionTimestamp`), and goes once
/// nothing is left.
enum NamespaceLifecycle {
    /// The Namespace after a DELETE: `deletionTimestamp`, phase `Terminating` and the controller's conditions.
    static func terminating(_ namespace: Value, now: String) -> Value {
        var result = namespace
        if result[path: ["metadata", "deletionTimestamp"]] == nil {
            result[path: ["metadata", "deletionTimestamp"]] = .string(now)
            result[path: ["metadata", "deletionGracePeriodSeconds"]] = 0
        }
        result[path: ["status", "phase"]] = "Terminating"
        return result
    }

    /// Whether the Namespace still waits for its `kubernetes` finalizer (content deletion).
    static func holdsFinalizer(_ namespace: Value) -> Bool {
        !(namespace[path: ["spec", "finalizers"]]?.arrayValue ?? []).isEmpty
    }

    /// The status the namespace controller reports while content remains (`remaining` are the objects left).
    static func status(_ old: Value, remaining: [(key: ObjectKey, object: Value)], now: String) -> Value {
        let previous = old["status"] ?? .emptyObject
        var resources: [String: Int] = [:], finalizers: [String: Int] = [:]
        for item in remaining {
            // Formatted `<resource>.<group>` as the controller does, so core resources read `configmaps.`.
            let resource = "\(item.key.resource).\(item.key.group)"
            resources[resource, default: 0] += 1
            for finalizer in (item.object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue) {
                finalizers[finalizer, default: 0] += 1
            }
        }
        func summary(_ counts: [String: Int]) -> String {
            counts.keys.sorted().map { "\($0) has \(counts[$0] ?? 0) resource instances" }.joined(separator: ", ")
        }
        func finalizerSummary(_ counts: [String: Int]) -> String {
            counts.keys.sorted().map { "\($0) in \(counts[$0] ?? 0) resource instances" }.joined(separator: ", ")
        }
        var conditions: [Value] = [
            Simulation.condition("NamespaceDeletionDiscoveryFailure", "False", "ResourcesDiscovered",
                                 "All resources successfully discovered", old: previous, now: now),
            Simulation.condition("NamespaceDeletionGroupVersionParsingFailure", "False", "ParsedGroupVersions",
                                 "All legacy kube types successfully parsed", old: previous, now: now),
            Simulation.condition("NamespaceDeletionContentFailure", "False", "ContentDeleted",
                                 "All content successfully deleted, may be waiting on finalization", old: previous, now: now),
        ]
        conditions.append(resources.isEmpty
            ? Simulation.condition("NamespaceContentRemaining", "False", "ContentRemoved",
                                   "All content successfully removed", old: previous, now: now)
            : Simulation.condition("NamespaceContentRemaining", "True", "SomeResourcesRemain",
                                   "Some resources are remaining: \(summary(resources))", old: previous, now: now))
        conditions.append(finalizers.isEmpty
            ? Simulation.condition("NamespaceFinalizersRemaining", "False", "ContentHasNoFinalizers",
                                   "All content-preserving finalizers finished", old: previous, now: now)
            : Simulation.condition("NamespaceFinalizersRemaining", "True", "SomeFinalizersRemain",
                                   "Some content in the namespace has finalizers remaining: \(finalizerSummary(finalizers))",
                                   old: previous, now: now))
        return ["phase": "Terminating", "conditions": .array(conditions.map { condition in
            var c = condition
            c["lastUpdateTime"] = nil
            return c
        })]
    }
}

extension APIError {
    /// 403 for content created in a terminating namespace, with the `NamespaceTerminating` cause.
    static func namespaceTerminating(_ type: ResourceType, _ name: String, namespace: String) -> APIError {
        let subject = name.isEmpty ? type.qualifiedName : "\(type.qualifiedName) \"\(name)\""
        var details = details(type, name)
        if name.isEmpty { details["name"] = nil }
        details["causes"] = [["reason": "NamespaceTerminating", "message": .string("namespace \(namespace) is being terminated"),
                              "field": "metadata.namespace"]]
        return APIError(code: 403, reason: "Forbidden",
                        message: "\(subject) is forbidden: unable to create new content in namespace \(namespace) "
                            + "because it is being terminated", details: details)
    }
}

extension ControlPlane {
    /// The namespace controller: deletes the content of a terminating Namespace, reports what remains, and
    /// removes the `kubernetes` finalizer (then the Namespace) when nothing is left.
    func reconcileNamespace(_ key: ObjectKey) throws {
        guard let namespace = try store.get(key), namespace[path: ["metadata", "deletionTimestamp"]] != nil else { return }
        terminatingNamespaces.withLock { _ = $0.insert(key.name) }
        var remaining: [(key: ObjectKey, object: Value)] = []
        for content in try store.keys(inNamespace: key.name) {
            let left = try store.modify(content) { current in
                guard var current else { return .keep }
                if (current[path: ["metadata", "finalizers"]]?.arrayValue ?? []).isEmpty { return .delete }
                guard current[path: ["metadata", "deletionTimestamp"]] == nil else { return .keep }
                current[path: ["metadata", "deletionTimestamp"]] = .string(ObjectRules.timestamp())
                current[path: ["metadata", "deletionGracePeriodSeconds"]] = 0
                return .put(current)
            }
            if let left, try store.get(content) != nil { remaining.append((content, left)) }
        }
        let now = ObjectRules.timestamp()
        try store.modify(key) { current in
            guard var current, current[path: ["metadata", "deletionTimestamp"]] != nil else { return .keep }
            if remaining.isEmpty {
                guard NamespaceLifecycle.holdsFinalizer(current) else { return .delete }
                current[path: ["spec", "finalizers"]] = nil
                current["status"] = NamespaceLifecycle.status(current, remaining: [], now: now)
                return .put(current)
            }
            let status = NamespaceLifecycle.status(current, remaining: remaining, now: now)
            guard status != current["status"] else { return .keep }
            current["status"] = status
            return .put(current)
        }
        if remaining.isEmpty {
            try store.modify(key) { current in
                guard let current, !NamespaceLifecycle.holdsFinalizer(current),
                      (current[path: ["metadata", "finalizers"]]?.arrayValue ?? []).isEmpty else { return .keep }
                return .delete
            }
            terminatingNamespaces.withLock { _ = $0.remove(key.name) }
        }
    }
}
