import FerryCore
import Foundation

/// The garbage collector's side of `Foreground` and `Orphan` deletion. The API server gives the owner a
/// `deletionTimestamp` and the `foregroundDeletion` or `orphan` finalizer; here the dependents are deleted
/// (foreground, nested owners in foreground too) or released from the owner reference (orphan), and the
/// finalizer is removed once no dependent with `blockOwnerDeletion` is left — then the owner goes.
extension ControlPlane {
    static let foregroundFinalizer = "foregroundDeletion"
    static let orphanFinalizer = "orphan"

    /// Whether `object` waits for the garbage collector.
    static func awaitsCollection(_ object: Value) -> Bool {
        guard object[path: ["metadata", "deletionTimestamp"]] != nil else { return false }
        let finalizers = (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue)
        return finalizers.contains(foregroundFinalizer) || finalizers.contains(orphanFinalizer)
    }

    /// Owners whose collection a change concerns: the changed object itself when it awaits collection, and
    /// any owner being collected that the object names (its dependents changed).
    func collectionFollowUps(_ event: ChangeEvent) -> [ObjectKey] {
        let uid = event.object[path: ["metadata", "uid"]]?.stringValue ?? ""
        var keys: [ObjectKey] = []
        collecting.withLock { owners in
            if event.type == .deleted { owners[uid] = nil }
            else if Self.awaitsCollection(event.object), !uid.isEmpty { owners[uid] = event.key; keys.append(event.key) }
            for reference in event.object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? [] {
                if let owner = reference["uid"]?.stringValue.flatMap({ owners[$0] }) { keys.append(owner) }
            }
        }
        return keys
    }

    /// Owners left in `Foreground` or `Orphan` deletion by an earlier run (the sandbox was stopped before the
    /// collector finished): registered again, so their collection resumes.
    func resumeCollections() throws -> [ObjectKey] {
        let owners = try store.objects(containing: "\"deletionTimestamp\"").filter { Self.awaitsCollection($0.object) }
        collecting.withLock { collecting in
            for (key, object) in owners {
                if let uid = object[path: ["metadata", "uid"]]?.stringValue, !uid.isEmpty { collecting[uid] = key }
            }
        }
        return owners.map(\.key)
    }

    /// Whether `key` is an owner being collected (scheduled even when its resource is not simulated).
    func isCollecting(_ key: ObjectKey) -> Bool {
        collecting.withLock { $0.values.contains(key) }
    }

    /// Deletes or orphans the dependents of the owner at `key` and removes its finalizer when done.
    func collectGarbage(_ key: ObjectKey) throws {
        guard let owner = try store.get(key), Self.awaitsCollection(owner),
              let uid = owner[path: ["metadata", "uid"]]?.stringValue, !uid.isEmpty else { return }
        let finalizers = (owner[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue)
        if finalizers.contains(Self.orphanFinalizer) {
            for dependent in try store.dependents(of: uid, namespace: key.namespace) { try release(dependent, from: uid) }
            try removeFinalizer(Self.orphanFinalizer, from: key)
        }
        guard finalizers.contains(Self.foregroundFinalizer) else { return }
        var blocking = 0
        for dependent in try store.dependents(of: uid, namespace: key.namespace) {
            guard let object = try deleteInForeground(dependent) else { continue }
            let reference = (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).first { $0["uid"]?.stringValue == uid }
            if reference?["blockOwnerDeletion"] == true { blocking += 1 }
        }
        if blocking == 0 { try removeFinalizer(Self.foregroundFinalizer, from: key) }
    }

    /// Deletes one dependent: at once without finalizers or dependents, else by marking it (in foreground when
    /// it owns objects itself). Returns the object when it is still there.
    private func deleteInForeground(_ key: ObjectKey) throws -> Value? {
        guard let current = try store.get(key) else { return nil }
        let uid = current[path: ["metadata", "uid"]]?.stringValue ?? ""
        let owns = try !uid.isEmpty && !store.dependents(of: uid, namespace: key.namespace).isEmpty
        return try store.modify(key) { current in
            guard var current else { return .keep }
            guard current[path: ["metadata", "deletionTimestamp"]] == nil else { return .keep }
            var finalizers = current[path: ["metadata", "finalizers"]]?.arrayValue ?? []
            if owns { finalizers.append(.string(Self.foregroundFinalizer)) }
            if finalizers.isEmpty { return .delete }
            current[path: ["metadata", "finalizers"]] = .array(finalizers)
            current[path: ["metadata", "deletionTimestamp"]] = .string(ObjectRules.timestamp())
            current[path: ["metadata", "deletionGracePeriodSeconds"]] = 0
            return .put(current)
        }.flatMap { _ in try store.get(key) }
    }

    /// Removes the owner reference to `uid` from the object at `key`.
    private func release(_ key: ObjectKey, from uid: String) throws {
        try store.modify(key) { current in
            guard var current else { return .keep }
            let owners = (current[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).filter { $0["uid"]?.stringValue != uid }
            current[path: ["metadata", "ownerReferences"]] = owners.isEmpty ? nil : .array(owners)
            return .put(current)
        }
    }

    /// Removes `finalizer`; the object goes when it was the last one.
    private func removeFinalizer(_ finalizer: String, from key: ObjectKey) throws {
        try store.modify(key) { current in
            guard var current else { return .keep }
            let finalizers = (current[path: ["metadata", "finalizers"]]?.arrayValue ?? []).filter { $0.stringValue != finalizer }
            current[path: ["metadata", "finalizers"]] = finalizers.isEmpty ? nil : .array(finalizers)
            return APIServer.finishingDeletion(.put(current))
        }
    }
}
