import FerryCore
import Foundation

extension InMemoryKubeAPI {
    /// Stores objects as they are, status included (as if created by someone else), filling server metadata.
    public func seed(_ objects: [KubeObject]) {
        for object in objects {
            guard let resource = try? lookup(object.gvk) else { continue }
            let key = storageKey(resource, namespace: object.namespace, name: object.name)
            state.withLock { state in
                var incoming = object
                incoming.namespace = key.namespace
                var stored = Self.merge(incoming, over: state.objects[key], version: state.nextVersion)
                stored.value["status"] = object.value["status"]
                state.objects[key] = stored
                state.nextVersion += 1
            }
        }
    }

    /// Adds a resource type (e.g. a custom resource) to discovery.
    public func register(_ resource: APIResource) {
        state.withLock { state in
            state.resources.removeAll { $0.gvk == resource.gvk }
            state.resources.append(resource)
        }
    }

    /// Replaces an object's status, as a controller would; returns false when the object does not exist.
    @discardableResult
    public func setStatus(_ key: ResourceKey, _ status: Value) -> Bool {
        state.withLock { state in
            guard var object = state.objects[key] else { return false }
            object.value["status"] = status
            object.value[path: ["metadata", "resourceVersion"]] = .string(String(state.nextVersion))
            state.nextVersion += 1
            state.objects[key] = object
            return true
        }
    }

    /// Makes the next `times` calls of `verb` (for `key`, or any object when nil) fail with `error`.
    public func inject(_ error: KubeError, on verb: Verb, key: ResourceKey? = nil, times: Int = 1) {
        state.withLock { $0.failures.append(Failure(verb: verb, key: key, error: error, remaining: times)) }
    }

    /// Every stored object, ordered by key.
    public var storedObjects: [KubeObject] { state.withLock { $0.objects.sorted { $0.key < $1.key }.map(\.value) } }

    /// The stored object with this identity, if any.
    public func object(_ key: ResourceKey) -> KubeObject? { state.withLock { $0.objects[key] } }

    /// Writes performed so far, e.g. `apply Deployment/prod/web`, `delete ConfigMap/prod/old` (dry runs excluded).
    public var actions: [String] { state.withLock { $0.actions } }
}
