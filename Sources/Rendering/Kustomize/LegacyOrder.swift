import FerryCore
import OrderedCollections

/// kustomize's default "legacy" output order and its key ordering (kyaml writes mapping keys sorted).
enum LegacyOrder {
    static let first = [
        "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount",
        "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret",
        "Endpoints", "Service", "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim",
        "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget",
    ]
    static let last = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]

    /// Kind ranks: `first` kinds get negative ranks in order, `last` kinds positive ones, others 0
    /// (a kind listed twice keeps its last position, as in kustomize).
    static func ranks(first: [String], last: [String]) -> [String: Int] {
        var ranks: [String: Int] = [:]
        for (i, kind) in first.enumerated() { ranks[kind] = i - first.count }
        for (i, kind) in last.enumerated() { ranks[kind] = i + 1 }
        return ranks
    }

    static let defaultRanks = ranks(first: first, last: last)

    static func gvkString(_ gvk: GroupVersionKind) -> String {
        [gvk.group.isEmpty ? "~G" : gvk.group, gvk.version.isEmpty ? "~V" : gvk.version,
         gvk.kind.isEmpty ? "~K" : gvk.kind].joined(separator: "_")
    }

    static func less(_ a: KResource, _ b: KResource, ranks: [String: Int]) -> Bool {
        let ga = KubeObject(a.value).gvk, gb = KubeObject(b.value).gvk
        if ga != gb {
            let ra = ranks[ga.kind] ?? 0, rb = ranks[gb.kind] ?? 0
            if ra != rb { return ra < rb }
            if ga.kind == "Namespace" && gb.kind == "Namespace" && (ga.group.isEmpty || gb.group.isEmpty) {
                return gvkString(ga) > gvkString(gb)
            }
            return gvkString(ga) < gvkString(gb)
        }
        func id(_ r: KResource, _ g: GroupVersionKind) -> String {
            [gvkString(g), r.namespace.isEmpty ? "~X" : r.namespace, r.name.isEmpty ? "~N" : r.name].joined(separator: "|")
        }
        return id(a, ga) < id(b, gb)
    }

    /// A stable sort by kustomize's legacy comparator.
    static func sorted(_ resources: [KResource], ranks: [String: Int] = defaultRanks) -> [KResource] {
        resources.enumerated().sorted { x, y in
            if less(x.element, y.element, ranks: ranks) { return true }
            if less(y.element, x.element, ranks: ranks) { return false }
            return x.offset < y.offset
        }.map(\.element)
    }

    /// The value with every mapping's keys in byte order, as kustomize prints them.
    static func sortedKeys(_ value: Value) -> Value {
        switch value {
        case .object(let members):
            var out = OrderedDictionary<String, Value>()
            for key in members.keys.sortedByBytes() {
                out[key] = members[key].map(sortedKeys)
            }
            return .object(out)
        case .array(let items):
            return .array(items.map(sortedKeys))
        default:
            return value
        }
    }
}
