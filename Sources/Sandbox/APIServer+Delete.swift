import FerryCore
import Foundation

/// The `DeleteOptions` of a DELETE request. kubectl sends them as a JSON body; other clients use the query.
struct DeleteOptions: Sendable {
    /// `Orphan`, `Background` (the default) or `Foreground`.
    var propagationPolicy = "Background"
    var dryRun = false

    init(_ request: APIRequest) throws {
        let body = request.body.isEmpty ? Value.emptyObject : try request.decodedBody()
        if let policy = body["propagationPolicy"]?.stringValue ?? request.query["propagationPolicy"] {
            guard ["Orphan", "Background", "Foreground"].contains(policy) else {
                throw APIError.badRequest("DeleteOptions.propagationPolicy: Unsupported value: \"\(policy)\": "
                                          + "supported values: \"Foreground\", \"Background\", \"Orphan\"")
            }
            propagationPolicy = policy
        } else if body["orphanDependents"]?.boolValue == true || request.query["orphanDependents"] == "true" {
            propagationPolicy = "Orphan"
        }
        let bodyDryRun = body["dryRun"]?.arrayValue?.contains("All") ?? false
        dryRun = bodyDryRun || request.isDryRun
    }
}

/// Garbage collection of dependents (objects whose `ownerReferences` name a deleted owner) and finalizers.
extension APIServer {
    /// Deletes the object at `key` the way `options` ask: an object with finalizers only gets a
    /// `deletionTimestamp` (it goes when the last finalizer is removed). `Background` deletes the dependents
    /// right after the owner; `Foreground` and `Orphan` add the `foregroundDeletion` / `orphan` finalizer and
    /// leave the dependents to the control plane's garbage collector (`ControlPlane+GarbageCollector.swift`).
    func deleteObject(_ key: ObjectKey, _ target: Target, _ options: DeleteOptions) throws -> Value? {
        guard let current = try store.get(key) else { throw APIError.notFound(target.type, key.name) }
        let uid = current[path: ["metadata", "uid"]]?.stringValue ?? ""
        let collector = ["Foreground": ControlPlane.foregroundFinalizer, "Orphan": ControlPlane.orphanFinalizer][options.propagationPolicy]
        let deleted = try write(key, dryRun: options.dryRun) { current in
            guard var current else { throw APIError.notFound(target.type, key.name) }
            if key.group.isEmpty, key.resource == "namespaces", NamespaceLifecycle.holdsFinalizer(current) {
                return .put(NamespaceLifecycle.terminating(current, now: ObjectRules.timestamp()))
            }
            var finalizers = current[path: ["metadata", "finalizers"]]?.arrayValue ?? []
            if let collector, !finalizers.contains(.string(collector)) {
                finalizers.append(.string(collector))
                current[path: ["metadata", "finalizers"]] = .array(finalizers)
            }
            guard !finalizers.isEmpty else { return .delete }
            if current[path: ["metadata", "deletionTimestamp"]] == nil {
                current[path: ["metadata", "deletionTimestamp"]] = .string(ObjectRules.timestamp())
                current[path: ["metadata", "deletionGracePeriodSeconds"]] = 0
            }
            return .put(current)
        }
        if options.propagationPolicy == "Background", !options.dryRun { try deleteDependents(of: uid, key) }
        return deleted
    }

    /// Deletes every dependent of `uid` (and theirs, recursively, in the background style).
    private func deleteDependents(of uid: String, _ owner: ObjectKey, depth: Int = 0) throws {
        guard !uid.isEmpty, depth < 8 else { return }
        for key in try store.dependents(of: uid, namespace: owner.namespace) {
            let dependent = try store.get(key)
            let childUID = dependent?[path: ["metadata", "uid"]]?.stringValue ?? ""
            try store.modify(key) { current in
                guard let current else { return .keep }
                return (current[path: ["metadata", "finalizers"]]?.arrayValue ?? []).isEmpty ? .delete : .keep
            }
            try deleteDependents(of: childUID, key, depth: depth + 1)
        }
    }

    /// A write that leaves an object being deleted without finalizers removes it (a Namespace also waits for
    /// its `spec.finalizers`).
    static func finishingDeletion(_ change: StoreChange) -> StoreChange {
        guard case .put(let object) = change, object[path: ["metadata", "deletionTimestamp"]] != nil,
              (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).isEmpty,
              object["kind"] != "Namespace" || !NamespaceLifecycle.holdsFinalizer(object) else { return change }
        return .delete
    }
}
