import FerryCore
import Foundation

extension InMemoryKubeAPI {
    public func apply(_ object: KubeObject, options: ApplyOptions) async throws -> KubeObject {
        let resource = try lookup(object.gvk)
        let key = storageKey(resource, namespace: object.namespace, name: object.name)
        guard !object.name.isEmpty else {
            throw KubeError(code: 422, reason: "Invalid", message: "\(key): apply failed: metadata.name: Required value")
        }
        return try state.withLock { state in
            try Self.takeFailure(&state, .apply, key)
            if requireNamespaces, !key.namespace.isEmpty,
               state.objects[ResourceKey(group: "", kind: "Namespace", namespace: "", name: key.namespace)] == nil {
                throw KubeError(code: 404, reason: "NotFound",
                                message: "\(key): apply failed: namespaces \"\(key.namespace)\" not found")
            }
            var incoming = object
            incoming.namespace = key.namespace
            incoming.value["status"] = nil
            let stored = Self.merge(incoming, over: state.objects[key], version: state.nextVersion)
            guard !options.dryRun else { return stored }
            if stored != state.objects[key] {
                state.objects[key] = stored
                state.nextVersion += 1
            }
            state.actions.append("apply \(key)")
            return stored
        }
    }

    /// The object as the server would store it: applied fields plus server-kept metadata and status.
    static func merge(_ incoming: KubeObject, over live: KubeObject?, version: Int) -> KubeObject {
        var result = incoming
        let now = ISO8601DateFormatter().string(from: Date())
        result.value[path: ["metadata", "uid"]] = live?.value[path: ["metadata", "uid"]] ?? .string(UUID().uuidString.lowercased())
        result.value[path: ["metadata", "creationTimestamp"]] = live?.value[path: ["metadata", "creationTimestamp"]] ?? .string(now)
        result.value["status"] = live?.value["status"]
        let liveGeneration = live?.value[path: ["metadata", "generation"]]?.intValue ?? 0
        let specChanged = live.map { spec(of: $0) != spec(of: incoming) } ?? true
        result.value[path: ["metadata", "generation"]] = .int(specChanged ? liveGeneration + 1 : liveGeneration)
        if let live, sameContent(result, live) { return live }
        result.value[path: ["metadata", "resourceVersion"]] = .string(String(version))
        return result
    }

    /// Everything except `metadata` and `status`.
    private static func spec(of object: KubeObject) -> Value {
        var copy = object.value
        copy["metadata"] = nil; copy["status"] = nil; copy["apiVersion"] = nil
        return copy
    }

    private static func sameContent(_ a: KubeObject, _ b: KubeObject) -> Bool {
        var x = a.value, y = b.value
        x[path: ["metadata", "resourceVersion"]] = nil; y[path: ["metadata", "resourceVersion"]] = nil
        return x.semanticallyEquals(y)
    }
}
