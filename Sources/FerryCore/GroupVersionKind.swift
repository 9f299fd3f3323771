/// A Kubernetes API group, version and kind, e.g. `apps/v1 Deployment`.
public struct GroupVersionKind: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String

    public init(group: String, version: String, kind: String) {
        self.group = group; self.version = version; self.kind = kind
    }

    /// Splits an `apiVersion` such as `apps/v1` or `v1`.
    public init(apiVersion: String, kind: String) {
        if let slash = apiVersion.firstIndex(of: "/") {
            self.init(group: String(apiVersion[..<slash]), version: String(apiVersion[apiVersion.index(after: slash)...]), kind: kind)
        } else {
            self.init(group: "", version: apiVersion, kind: kind)
        }
    }

    /// The `apiVersion` string: `group/version`, or `version` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    public var description: String { "\(apiVersion), Kind=\(kind)" }
}

/// The identity of a resource: group, kind, namespace and name (version-independent).
public struct ResourceKey: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var group: String
    public var kind: String
    public var namespace: String
    public var name: String

    public init(group: String, kind: String, namespace: String, name: String) {
        self.group = group; self.kind = kind; self.namespace = namespace; self.name = name
    }

    /// kubectl's way of naming an object: `Deployment/prod/web`, or `Namespace/prod` when cluster-scoped.
    public var description: String {
        namespace.isEmpty ? "\(kind)/\(name)" : "\(kind)/\(namespace)/\(name)"
    }

    public static func < (a: ResourceKey, b: ResourceKey) -> Bool {
        (a.group, a.kind, a.namespace, a.name) < (b.group, b.kind, b.namespace, b.name)
    }
}
