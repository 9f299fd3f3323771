import FerryCore

/// Rewrites references to ConfigMaps, Secrets, ServiceAccounts and PersistentVolumeClaims in pod
/// specs after their names changed (prefix, suffix, content hash), as kustomize's name-reference
/// transformer does for workloads.
enum NameReferences {
    /// Where pod specs live, by kind.
    static let podSpecPaths: [String: [String]] = [
        "Pod": ["spec"],
        "Deployment": ["spec", "template", "spec"], "ReplicaSet": ["spec", "template", "spec"],
        "DaemonSet": ["spec", "template", "spec"], "StatefulSet": ["spec", "template", "spec"],
        "Job": ["spec", "template", "spec"], "ReplicationController": ["spec", "template", "spec"],
        "CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
    ]

    static func fix(_ resources: inout [KResource]) {
        for i in resources.indices {
            guard let path = podSpecPaths[resources[i].kind], var spec = resources[i].value[path: path],
                  case .object = spec else { continue }
            let namespace = resources[i].namespace
            let resolve = { (kind: String, name: String) -> String in
                rename(kind: kind, name: name, namespace: namespace, in: resources)
            }
            fixPodSpec(&spec, resolve)
            resources[i].value[path: path] = spec
        }
    }

    /// The current name of the `kind` object once called `name` (preferring the same namespace).
    static func rename(kind: String, name: String, namespace: String, in resources: [KResource]) -> String {
        let candidates = resources.filter { $0.kind == kind && $0.names.contains(name) }
        let sameNamespace = candidates.filter { $0.namespace == namespace }
        let pick = sameNamespace.count == 1 ? sameNamespace.first : (candidates.count == 1 ? candidates.first : nil)
        return pick?.name ?? name
    }

    static func fixPodSpec(_ spec: inout Value, _ resolve: (String, String) -> String) {
        func update(_ node: inout Value, _ path: [String], kind: String) {
            guard let name = node[path: path]?.stringValue else { return }
            node[path: path] = .string(resolve(kind, name))
        }
        if let sa = spec["serviceAccountName"]?.stringValue { spec["serviceAccountName"] = .string(resolve("ServiceAccount", sa)) }
        if let sa = spec["serviceAccount"]?.stringValue { spec["serviceAccount"] = .string(resolve("ServiceAccount", sa)) }
        mapArray(&spec, "imagePullSecrets") { update(&$0, ["name"], kind: "Secret") }
        mapArray(&spec, "volumes") { volume in
            update(&volume, ["configMap", "name"], kind: "ConfigMap")
            update(&volume, ["secret", "secretName"], kind: "Secret")
            update(&volume, ["persistentVolumeClaim", "claimName"], kind: "PersistentVolumeClaim")
            if var projected = volume["projected"] {
                mapArray(&projected, "sources") { source in
                    update(&source, ["configMap", "name"], kind: "ConfigMap")
                    update(&source, ["secret", "name"], kind: "Secret")
                }
                volume["projected"] = projected
            }
        }
        for key in ["containers", "initContainers", "ephemeralContainers"] {
            mapArray(&spec, key) { container in
                mapArray(&container, "envFrom") { source in
                    update(&source, ["configMapRef", "name"], kind: "ConfigMap")
                    update(&source, ["secretRef", "name"], kind: "Secret")
                }
                mapArray(&container, "env") { variable in
                    update(&variable, ["valueFrom", "configMapKeyRef", "name"], kind: "ConfigMap")
                    update(&variable, ["valueFrom", "secretKeyRef", "name"], kind: "Secret")
                }
            }
        }
    }

    static func mapArray(_ node: inout Value, _ key: String, _ body: (inout Value) -> Void) {
        guard case .array(var items) = node[key] else { return }
        for i in items.indices { body(&items[i]) }
        node[key] = .array(items)
    }
}
