import FerryCore
import Foundation

/// Which changes one watch sees, and how a change looks to it. Like the real API server's watch cache, an
/// object that starts matching the selectors arrives as ADDED and one that stops matching as DELETED
/// (its previous state, stamped with the new resourceVersion).
struct WatchFilter: Sendable {
    var type: ResourceType
    /// The namespace watched (nil: all namespaces or a cluster-scoped resource).
    var namespace: String?
    var labels: LabelSelector?
    var fields: FieldSelector

    /// True when `object` passes the label and field selectors.
    func matches(_ object: Value) -> Bool {
        (labels?.matches(KubeObject(object).labels) ?? true) && fields.matches(object)
    }

    /// True when `key` belongs to the watched resource and namespace.
    func covers(_ key: ObjectKey) -> Bool {
        key.group == type.group && key.resource == type.name && (namespace == nil || key.namespace == namespace)
    }

    /// The event this watch gets for a committed write, or nil when it is not visible to this watch.
    func translate(_ event: ChangeEvent) -> (type: String, object: Value)? {
        guard covers(event.key) else { return nil }
        let previousMatched = event.previous.map(matches) ?? false
        switch event.type {
        case .added:
            return matches(event.object) ? ("ADDED", event.object) : nil
        case .deleted:
            return previousMatched ? ("DELETED", event.object) : nil
        case .modified:
            switch (matches(event.object), previousMatched) {
            case (true, true): return ("MODIFIED", event.object)
            case (true, false): return ("ADDED", event.object)
            case (false, true):
                guard var gone = event.previous else { return nil }
                gone[path: ["metadata", "resourceVersion"]] = .string(String(event.resourceVersion))
                return ("DELETED", gone)
            case (false, false): return nil
            }
        }
    }
}
