import FerryCore
import Foundation

/// The in-memory twin of `HTTPKubeAPI`, for unit tests of modules that talk to Kubernetes.
///
/// Apply behaves like server-side apply with a single field manager: the applied object replaces what was
/// there, and the "server" keeps `uid`, `creationTimestamp` and `status`, bumps `resourceVersion` on every
/// change and `generation` when anything outside `metadata` and `status` changes. Tests can seed objects
/// (with status), inject failures and read back the actions performed.
public final class InMemoryKubeAPI: KubeAPI {
    /// A verb for failure injection and the action log.
    public enum Verb: String, Sendable { case get, list, apply, delete }

    struct Failure { var verb: Verb; var key: ResourceKey?; var error: KubeError; var remaining: Int }

    struct State {
        var resources: [APIResource]
        var objects: [ResourceKey: KubeObject] = [:]
        var nextVersion = 1
        var failures: [Failure] = []
        var actions: [String] = []
    }

    let state: Locked<State>
    /// Namespace used for namespaced objects that name none.
    public let defaultNamespace: String
    /// When true, creating a namespaced object in a namespace that does not exist fails with 404, as on a server.
    public let requireNamespaces: Bool

    /// Creates an empty cluster knowing `resources` (the built-in table by default), optionally seeded.
    public init(resources: [APIResource] = InMemoryKubeAPI.builtinResources, defaultNamespace: String = "default",
                requireNamespaces: Bool = false, objects: [KubeObject] = []) {
        state = Locked(State(resources: resources))
        self.defaultNamespace = defaultNamespace
        self.requireNamespaces = requireNamespaces
        seed(objects)
    }

    public func resources(refresh: Bool) async throws -> [APIResource] { state.withLock { $0.resources } }

    public func resource(for gvk: GroupVersionKind) async throws -> APIResource { try lookup(gvk) }

    public func get(_ gvk: GroupVersionKind, namespace: String, name: String) async throws -> KubeObject? {
        let resource = try lookup(gvk)
        let key = storageKey(resource, namespace: namespace, name: name)
        return try state.withLock { state in
            try Self.takeFailure(&state, .get, key)
            return state.objects[key].map { Self.relabel($0, as: gvk) }
        }
    }

    public func list(_ gvk: GroupVersionKind, namespace: String?, labelSelector: String?) async throws -> [KubeObject] {
        let resource = try lookup(gvk)
        let selector: LabelSelector
        do { selector = try LabelSelector(labelSelector ?? "") } catch let error as LabelSelectorError {
            throw KubeError(code: 400, reason: "BadRequest", message: error.message)
        }
        return try state.withLock { state in
            try Self.takeFailure(&state, .list, nil)
            return state.objects.values
                .filter { $0.gvk.group == gvk.group && $0.kind == gvk.kind }
                .filter { !resource.namespaced || namespace == nil || $0.namespace == namespace }
                .filter { selector.matches($0.labels) }
                .sorted { $0.key < $1.key }
                .map { Self.relabel($0, as: gvk) }
        }
    }

    public func delete(_ gvk: GroupVersionKind, namespace: String, name: String, propagation: PropagationPolicy) async throws {
        let resource = try lookup(gvk)
        let key = storageKey(resource, namespace: namespace, name: name)
        try state.withLock { state in
            try Self.takeFailure(&state, .delete, key)
            guard state.objects.removeValue(forKey: key) != nil else { return }
            state.actions.append("delete \(key)")
            if key.group.isEmpty && key.kind == "Namespace" {
                state.objects = state.objects.filter { $0.key.namespace != key.name }
            }
        }
    }

    func lookup(_ gvk: GroupVersionKind) throws -> APIResource {
        guard let found = state.withLock({ $0.resources.first { $0.gvk == gvk } }) else { throw KubeError.unknownKind(gvk) }
        return found
    }

    func storageKey(_ resource: APIResource, namespace: String, name: String) -> ResourceKey {
        let ns = resource.namespaced ? (namespace.isEmpty ? defaultNamespace : namespace) : ""
        return ResourceKey(group: resource.gvk.group, kind: resource.gvk.kind, namespace: ns, name: name)
    }

    /// Reports the object under the requested version (the twin stores one version per kind).
    static func relabel(_ object: KubeObject, as gvk: GroupVersionKind) -> KubeObject {
        var copy = object
        copy.value["apiVersion"] = .string(gvk.apiVersion)
        return copy
    }

    /// Throws (and uses up) the first injected failure matching the verb and key.
    static func takeFailure(_ state: inout State, _ verb: Verb, _ key: ResourceKey?) throws {
        guard let index = state.failures.firstIndex(where: { $0.verb == verb && ($0.key == nil || $0.key == key) }) else { return }
        let error = state.failures[index].error
        state.failures[index].remaining -= 1
        if state.failures[index].remaining <= 0 { state.failures.remove(at: index) }
        throw error
    }
}
