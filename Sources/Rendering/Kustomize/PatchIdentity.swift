import FerryCore

/// The resource a strategic-merge patch without a target addresses: its apiVersion, kind, name and
/// namespace. Like kustomize, any identity the resource has had counts (a patch in an overlay can use
/// the base's name before its prefix and namespace), and an empty namespace means "default".
struct PatchIdentity {
    var gvk: GroupVersionKind
    var name: String
    var namespace: String

    init(_ patch: Value) {
        gvk = KubeObject(patch).gvk
        name = patch[path: ["metadata", "name"]]?.stringValue ?? ""
        namespace = patch[path: ["metadata", "namespace"]]?.stringValue ?? ""
    }

    var description: String {
        let apiVersion = gvk.group.isEmpty ? gvk.version : "\(gvk.group)/\(gvk.version)"
        return "\(gvk.kind) '\(name)'\(namespace.isEmpty ? "" : " in namespace '\(namespace)'") (\(apiVersion))"
    }

    /// True when the resource has, or once had, the patch's kind, name and namespace (kustomize's
    /// `GetMatchingResourcesByAnyId`), with the patch's group and version.
    func matches(_ resource: KResource) -> Bool {
        let current = KubeObject(resource.value).gvk
        guard current.group == gvk.group, current.version == gvk.version else { return false }
        let namespace = PatchTarget.effectiveNamespace(self.namespace, kind: gvk.kind)
        return resource.allIDs.contains { $0.kind == gvk.kind && $0.name == name && $0.namespace == namespace }
    }

    /// The index of the one resource the patch addresses.
    func uniqueMatch(in resources: [KResource], entry: PatchEntry, k: Kustomization) throws -> Int {
        let found = resources.indices.filter { matches(resources[$0]) }
        guard found.count == 1, let index = found.first else {
            let problem = found.isEmpty ? "no resource matches" : "\(found.count) resources match"
            throw RenderError(file: k.file, message: "\(entry.source): \(problem) the strategic-merge patch for \(description)")
        }
        return index
    }
}
