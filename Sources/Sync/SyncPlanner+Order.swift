import FerryCore

extension SyncPlanner {
    /// Execution order: namespace creation first; then applies by phase → wave → kind order → name;
    /// then prunes by wave (highest first) → reverse kind order → name; `SyncFail` hooks last.
    static func sorted(_ tasks: [SyncTask]) -> [SyncTask] {
        tasks.sorted { a, b in
            let (sa, sb) = (section(a), section(b))
            if sa != sb { return sa < sb }
            if a.isPrune { return pruneLess(a, b) }
            if a.phase != b.phase { return a.phase < b.phase }
            if a.wave != b.wave { return a.wave < b.wave }
            let (ra, rb) = (KindOrder.rank(a.key.kind), KindOrder.rank(b.key.kind))
            if ra != rb { return ra < rb }
            return tieBreak(a.key, b.key)
        }
    }

    private static func pruneLess(_ a: SyncTask, _ b: SyncTask) -> Bool {
        if a.wave != b.wave { return a.wave > b.wave }
        let (ra, rb) = (KindOrder.rank(a.key.kind), KindOrder.rank(b.key.kind))
        if ra != rb { return ra > rb }
        return tieBreak(a.key, b.key)
    }

    /// Name, then kind (unknown kinds share a rank), namespace and group, so the order is total.
    private static func tieBreak(_ a: ResourceKey, _ b: ResourceKey) -> Bool {
        (a.name, a.kind, a.namespace, a.group) < (b.name, b.kind, b.namespace, b.group)
    }

    private static func section(_ task: SyncTask) -> Int {
        switch task.action {
        case .createNamespace: return 0
        case .prune: return 2
        case .apply: return task.phase == .syncFail ? 3 : 1
        }
    }
}

/// The scope of kinds defined by CustomResourceDefinitions in the desired manifests.
struct CRDScopes {
    private var namespaced: [String: Bool] = [:]

    init(_ objects: [KubeObject]) {
        for object in objects where object.kind == "CustomResourceDefinition" {
            guard let group = object.value[path: ["spec", "group"]]?.stringValue,
                  let kind = object.value[path: ["spec", "names", "kind"]]?.stringValue else { continue }
            let scope = object.value[path: ["spec", "scope"]]?.stringValue ?? "Namespaced"
            namespaced["\(group)/\(kind)"] = scope != "Cluster"
        }
    }

    /// True/false for a kind defined by a desired CRD, nil otherwise.
    func isNamespaced(_ gvk: GroupVersionKind) -> Bool? { namespaced["\(gvk.group)/\(gvk.kind)"] }

    /// True when a desired CRD defines this kind.
    func defines(_ gvk: GroupVersionKind) -> Bool { isNamespaced(gvk) != nil }
}
