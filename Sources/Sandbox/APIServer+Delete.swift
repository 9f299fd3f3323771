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
    /// `deletionTimestamp` (it goes when the last finalizer is removed); dependents are orphaned (their owner
    /// reference removed) or deleted before (Foreground) or after (Background) the owner.
    func deleteObject(_ key: ObjectKey, _ target: Target, _ options: DeleteOptions) throws -> Value? {
        guard let current = try store.get(key) else { throw APIError.notFound(target.type, key.name) }
        let uid = current[path: ["metadata", "uid"]]?.stringValue ?? ""
        if options.propagationPolicy == "Foreground", !options.dryRun { try deleteDependents(of: uid, key) }
        if options.propagationPolicy == "Orphan", !options.dryRun { try orphanDependents(of: uid, key) }
        let deleted = try write(key, dryRun: options.dryRun) { current in
            guard var current else { throw APIError.notFound(target.type, key.name) }
            let finalizers = current[path: ["metadata", "finalizers"]]?.arrayValue ?? []
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

    /// Removes the owner reference to `uid` from every dependent.
    private func orphanDependents(of uid: String, _ owner: ObjectKey) throws {
        guard !uid.isEmpty else { return }
        for key in try store.dependents(of: uid, namespace: owner.namespace) {
            try store.modify(key) { current in
                guard var current else { return .keep }
                let owners = (current[path: ["metadata", "ownerReferences"]]?.arrayValue ?? [])
                    .filter { $0["uid"]?.stringValue != uid }
                current[path: ["metadata", "ownerReferences"]] = owners.isEmpty ? nil : .array(owners)
                return .put(current)
            }
        }
    }

    /// A write that leaves an object being deleted without finalizers removes it.
    static func finishingDeletion(_ change: StoreChange) -> StoreChange {
        guard case .put(let object) = change, object[path: ["metadata", "deletionTimestamp"]] != nil,
              (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).isEmpty else { return change }
        return .delete
    }
}
