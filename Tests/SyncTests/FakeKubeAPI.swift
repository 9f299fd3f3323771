import FerryCore
import KubeClient

/// A tiny in-memory `KubeAPI` for executor tests: apply replaces the stored object (bumping
/// resourceVersion only when it changed), dry runs store nothing, and chosen objects fail to apply.
actor FakeKubeAPI: KubeAPI {
    private(set) var objects: [ResourceKey: KubeObject] = [:]
    private(set) var calls: [String] = []
    private var failing: Set<ResourceKey> = []
    private var version = 100

    init(_ initial: [KubeObject] = []) {
        for object in initial { objects[object.key] = Self.stamp(object, 1) }
    }

    /// Kinds the server does not know until discovery is refreshed (a CRD applied moments ago), or
    /// never, with `untilRefresh: false`.
    private var unknownKinds: [String: Bool] = [:]

    func failApply(of key: ResourceKey) { failing.insert(key) }

    func makeUnknown(_ kind: String, untilRefresh: Bool) { unknownKinds[kind] = untilRefresh }

    func resources(refresh: Bool) async throws -> [APIResource] {
        calls.append("discovery")
        if refresh { unknownKinds = unknownKinds.filter { !$0.value } }
        return []
    }

    func resource(for gvk: GroupVersionKind) async throws -> APIResource {
        APIResource(gvk: gvk, name: gvk.kind.lowercased() + "s", namespaced: isNamespaced(gvk), verbs: ["get"])
    }

    func get(_ gvk: GroupVersionKind, namespace: String, name: String) async throws -> KubeObject? {
        if unknownKinds[gvk.kind] != nil { throw KubeError.unknownKind(gvk) }
        return objects[ResourceKey(group: gvk.group, kind: gvk.kind, namespace: namespace, name: name)]
    }

    func list(_ gvk: GroupVersionKind, namespace: String?, labelSelector: String?) async throws -> [KubeObject] {
        objects.values.filter { $0.kind == gvk.kind && (namespace == nil || $0.namespace == namespace) }
    }

    func apply(_ object: KubeObject, options: ApplyOptions) async throws -> KubeObject {
        calls.append("apply \(object.key)\(options.dryRun ? " (dry run)" : "")")
        if failing.contains(object.key) {
            throw KubeError(code: 422, reason: "Invalid", message: "\(object.kind) \"\(object.name)\" is invalid")
        }
        let existing = objects[object.key]
        let oldVersion = existing?.value[path: ["metadata", "resourceVersion"]]?.stringValue
        var stored = object
        stored.value[path: ["metadata", "resourceVersion"]] = oldVersion.map { .string($0) }
        if let existing, existing == stored { return existing }
        if options.dryRun { return stored }
        version += 1
        stored = Self.stamp(object, version)
        objects[object.key] = stored
        return stored
    }

    func delete(_ gvk: GroupVersionKind, namespace: String, name: String,
                propagation: PropagationPolicy) async throws {
        let key = ResourceKey(group: gvk.group, kind: gvk.kind, namespace: namespace, name: name)
        calls.append("delete \(key) \(propagation.rawValue)")
        objects[key] = nil
    }

    private static func stamp(_ object: KubeObject, _ version: Int) -> KubeObject {
        var out = object
        out.value[path: ["metadata", "resourceVersion"]] = .string(String(version))
        return out
    }
}
