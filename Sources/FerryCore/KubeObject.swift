import OrderedCollections

/// A Kubernetes object as a `Value`, with typed accessors for its identity.
public struct KubeObject: Sendable, Hashable {
    /// The whole object.
    public var value: Value

    public init(_ value: Value) { self.value = value }

    public var apiVersion: String { value["apiVersion"]?.stringValue ?? "" }
    public var kind: String { value["kind"]?.stringValue ?? "" }
    public var gvk: GroupVersionKind { GroupVersionKind(apiVersion: apiVersion, kind: kind) }

    public var name: String {
        get { value[path: ["metadata", "name"]]?.stringValue ?? "" }
        set { value[path: ["metadata", "name"]] = .string(newValue) }
    }

    public var namespace: String {
        get { value[path: ["metadata", "namespace"]]?.stringValue ?? "" }
        set { value[path: ["metadata", "namespace"]] = newValue.isEmpty ? nil : .string(newValue) }
    }

    /// The identity used everywhere: group, kind, namespace, name.
    public var key: ResourceKey {
        ResourceKey(group: gvk.group, kind: kind, namespace: namespace, name: name)
    }

    public var labels: [String: String] { stringMap(at: ["metadata", "labels"]) }
    public var annotations: [String: String] { stringMap(at: ["metadata", "annotations"]) }

    /// Sets (or with `nil`, removes) one annotation.
    public mutating func setAnnotation(_ key: String, _ newValue: String?) {
        setMapEntry(["metadata", "annotations"], key, newValue)
    }

    /// Sets (or with `nil`, removes) one label.
    public mutating func setLabel(_ key: String, _ newValue: String?) {
        setMapEntry(["metadata", "labels"], key, newValue)
    }

    private mutating func setMapEntry(_ path: [String], _ key: String, _ newValue: String?) {
        var map = value[path: path]?.objectValue ?? [:]
        map[key] = newValue.map { .string($0) }
        value[path: path] = map.isEmpty ? nil : .object(map)
    }

    private func stringMap(at path: [String]) -> [String: String] {
        guard let members = value[path: path]?.objectValue else { return [:] }
        var out: [String: String] = [:]
        for (k, v) in members { if let s = v.stringValue { out[k] = s } }
        return out
    }
}
