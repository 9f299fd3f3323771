import FerryCore

/// Rewrites references to renamed objects (prefix, suffix, content hash, namespace) in the fields the
/// `nameReference` configuration lists, with kustomize's candidate selection: earlier names, the target
/// kind (and `roleRef` kind), namespace, then equal prefixes/suffixes.
enum NameReferences {
    static func fix(_ resources: inout [KResource], config: [NameBackReference], file: String) throws {
        let candidates = Candidates(resources)
        for i in resources.indices {
            let referrer = resources[i]
            let gvk = KubeObject(referrer.value).gvk
            for reference in config {
                for spec in reference.referrers where spec.applies(to: gvk) {
                    let fixer = Fixer(referrer: referrer, target: reference, spec: spec, candidates: candidates, file: file)
                    try spec.apply(to: &resources[i].value) { current in
                        guard let current, !current.isNull else { return current }
                        return try fixer.set(current)
                    }
                }
            }
        }
    }
}

/// The possible referral targets, indexed by the names they had before (only renamed or moved objects
/// can be targets), with kustomize's SubsetThatCouldBeReferencedByResource as a per-candidate check.
struct Candidates {
    let resources: [KResource]
    let byPreviousName: [String: [Int]]

    init(_ resources: [KResource]) {
        self.resources = resources
        var index: [String: [Int]] = [:]
        for (i, r) in resources.enumerated() {
            for name in Set(r.previousIDs.map(\.name)) { index[name, default: []].append(i) }
        }
        byPreviousName = index
    }

    /// Objects once called `name` that `referrer` may refer to.
    func named(_ name: String, referableBy referrer: KResource) -> [KResource] {
        let isReferable = referable(by: referrer)
        return (byPreviousName[name] ?? []).map { resources[$0] }.filter(isReferable)
    }

    /// Whether some object `referrer` may refer to was originally in `namespace` (kustomize then picks
    /// mapping references from that group, else from the objects currently in `namespace`).
    func anyOriginallyIn(_ namespace: String, referableBy referrer: KResource) -> Bool {
        let isReferable = referable(by: referrer)
        return resources.contains { !$0.isClusterScoped && $0.originalNamespace == namespace && isReferable($0) }
    }

    /// kustomize's SubsetThatCouldBeReferencedByResource as a predicate.
    func referable(by referrer: KResource) -> (KResource) -> Bool {
        if referrer.isClusterScoped { return { _ in true } }
        var subjectNamespaces: Set<String> = []
        if referrer.kind == "RoleBinding" {
            for subject in referrer.value["subjects"]?.arrayValue ?? [] where subject["kind"]?.stringValue == "ServiceAccount" {
                if let ns = subject["namespace"]?.stringValue { subjectNamespaces.insert(ns) }
            }
        }
        let namespace = referrer.effectiveNamespace
        return { $0.isClusterScoped || $0.effectiveNamespace == namespace || subjectNamespaces.contains($0.namespace) }
    }
}

/// Updates one referrer field.
private struct Fixer {
    let referrer: KResource
    let target: NameBackReference
    let spec: FieldSpec
    let candidates: Candidates
    let file: String

    func set(_ node: Value) throws -> Value {
        switch node {
        case .string: return try setScalar(node)
        case .object: return try setMapping(node)
        case .array(let items):
            return .array(try items.map { item in
                switch item {
                case .object: return try setMapping(item)
                case .string: return try setScalar(item)
                default: return item
                }
            })
        default: return node
        }
    }

    func setScalar(_ node: Value) throws -> Value {
        guard let old = node.stringValue,
              let referral = try select(old, candidates.named(old, referableBy: referrer), sameNamespaceToo: false) else { return node }
        return .string(referral.name)
    }

    func setMapping(_ node: Value) throws -> Value {
        guard let old = node["name"]?.stringValue else {
            throw RenderError(file: file, message: "name reference: no 'name' field in '\(spec.pathText)' of \(referrer.kind) '\(referrer.name)'")
        }
        var pool = candidates.named(old, referableBy: referrer)
        if let namespace = node["namespace"]?.stringValue {
            pool = candidates.anyOriginallyIn(namespace, referableBy: referrer)
                ? pool.filter { !$0.isClusterScoped && $0.originalNamespace == namespace }
                : pool.filter { !$0.isClusterScoped && $0.effectiveNamespace == namespace }
        }
        guard let referral = try select(old, pool, sameNamespaceToo: true) else { return node }
        if referral.name == old && referral.namespace.isEmpty { return node }
        var out = node
        out["name"] = .string(referral.name)
        if !referral.namespace.isEmpty { out["namespace"] = .string(referral.namespace) }
        return out
    }

    /// kustomize's selectReferral.
    func select(_ oldName: String, _ pool: [KResource], sameNamespaceToo: Bool) throws -> KResource? {
        var found = pool.filter { candidate in
            candidate.previousIDs.contains { $0.name == oldName } && target.selects(KubeObject(candidate.value).gvk)
        }
        if spec.path.last == "name", spec.path.dropLast().last == "roleRef", let roleRef = referrer.value["roleRef"],
           let kind = roleRef["kind"]?.stringValue, let group = roleRef["apiGroup"]?.stringValue {
            found = found.filter { c in
                let gvk = KubeObject(c.value).gvk
                return gvk.kind == kind && (group.isEmpty || gvk.group == group)
            }
        }
        if !referrer.isClusterScoped {
            found = found.filter {
                $0.isClusterScoped || $0.kind == "ServiceAccount" || $0.effectiveNamespace == referrer.effectiveNamespace
            }
        }
        if found.count == 1 { return found[0] }
        found = found.filter { affixesEqual($0, allowEmpty: true) }
        if found.count > 1 { found = found.filter { affixesEqual($0, allowEmpty: false) } }
        if found.count <= 1 { return found.first }
        let identical = found.allSatisfy { $0.name == found[0].name && (!sameNamespaceToo || $0.namespace == found[0].namespace) }
        if identical { return found[0] }
        let ids = found.map { "\($0.kind) \($0.namespace.isEmpty ? "" : $0.namespace + "/")\($0.name)" }.joined(separator: ", ")
        throw RenderError(file: file, message: "found multiple possible referrals for '\(oldName)' in '\(spec.pathText)' of \(referrer.kind) '\(referrer.name)': \(ids)")
    }

    func affixesEqual(_ candidate: KResource, allowEmpty: Bool) -> Bool {
        func sameEnding(_ a: [String], _ b: [String]) -> Bool {
            let n = min(a.count, b.count)
            return n == 0 ? a.count == b.count : Array(a.suffix(n)) == Array(b.suffix(n))
        }
        let prefixes = (allowEmpty && (candidate.prefixes.isEmpty || referrer.prefixes.isEmpty)) || sameEnding(candidate.prefixes, referrer.prefixes)
        let suffixes = (allowEmpty && (candidate.suffixes.isEmpty || referrer.suffixes.isEmpty)) || sameEnding(candidate.suffixes, referrer.suffixes)
        return prefixes && suffixes
    }
}
