import FerryCore
@testable import Sync

/// Builds a small manifest: `object("apps/v1", "Deployment", "web", namespace: "prod")`.
func object(_ apiVersion: String, _ kind: String, _ name: String, namespace: String? = nil,
            annotations: [String: String] = [:]) -> KubeObject {
    var metadata: Value = ["name": .string(name)]
    if let namespace { metadata["namespace"] = .string(namespace) }
    if !annotations.isEmpty {
        metadata["annotations"] = .object(.init(uniqueKeysWithValues: annotations.sorted { $0.key < $1.key }
            .map { ($0.key, Value.string($0.value)) }))
    }
    return KubeObject(["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": metadata])
}

/// A live object tracked by `app` (its tracking id names the object itself).
func tracked(_ apiVersion: String, _ kind: String, _ name: String, namespace: String? = nil,
             app: String = "demo", annotations: [String: String] = [:]) -> KubeObject {
    var live = object(apiVersion, kind, name, namespace: namespace, annotations: annotations)
    live.setAnnotation(WellKnown.trackingAnnotation, TrackingID(app: app, key: live.key).description)
    return live
}

let clusterScoped: Set<String> = [
    "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass",
    "PersistentVolume", "APIService", "IngressClass", "CronTab",
]

/// Discovery stand-in: built-in cluster-scoped kinds, everything else namespaced.
func isNamespaced(_ gvk: GroupVersionKind) -> Bool { !clusterScoped.contains(gvk.kind) }

/// Options for app `demo` deploying to namespace `demo`.
func demoOptions(prune: Bool = false, dryRun: Bool = false, createNamespace: Bool = false) -> SyncOptions {
    SyncOptions(appName: "demo", destinationNamespace: "demo", prune: prune, dryRun: dryRun,
                createNamespace: createNamespace)
}

/// Plans with the demo options and the stand-in discovery.
func plan(_ desired: [KubeObject], live: [KubeObject] = [], options: SyncOptions = demoOptions()) throws -> SyncPlan {
    try SyncPlanner.plan(desired: desired, live: live, options: options, isNamespaced: isNamespaced)
}

extension SyncPlan {
    /// `Kind/name` of each task, in order, for compact assertions.
    var order: [String] { tasks.map { "\($0.key.kind)/\($0.key.name)" } }
}
