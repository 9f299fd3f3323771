import FerryCore

/// What a resource type is on the server: its plural name, scope and verbs (from discovery).
public struct APIResource: Sendable, Hashable {
    public var gvk: GroupVersionKind
    /// Plural resource name, e.g. `deployments`.
    public var name: String
    public var namespaced: Bool
    public var verbs: [String]
    public var shortNames: [String]

    public init(gvk: GroupVersionKind, name: String, namespaced: Bool, verbs: [String], shortNames: [String] = []) {
        self.gvk = gvk; self.name = name; self.namespaced = namespaced; self.verbs = verbs; self.shortNames = shortNames
    }
}

/// Options for server-side apply.
public struct ApplyOptions: Sendable {
    public var fieldManager: String = WellKnown.fieldManager
    public var force: Bool = true
    public var dryRun: Bool = false
    public init(fieldManager: String = WellKnown.fieldManager, force: Bool = true, dryRun: Bool = false) {
        self.fieldManager = fieldManager; self.force = force; self.dryRun = dryRun
    }
}

/// How dependents are deleted.
public enum PropagationPolicy: String, Sendable {
    case orphan = "Orphan", background = "Background", foreground = "Foreground"
}

/// The Kubernetes API as Ferry uses it. `HTTPKubeAPI` talks to a server over libcurl;
/// `InMemoryKubeAPI` is the twin used by unit tests.
public protocol KubeAPI: Sendable {
    /// The server's resource types (cached after the first call; `refresh` re-reads).
    func resources(refresh: Bool) async throws -> [APIResource]
    /// The resource type for a kind, or `KubeError.unknownKind`.
    func resource(for gvk: GroupVersionKind) async throws -> APIResource
    /// One object, or nil when it does not exist.
    func get(_ gvk: GroupVersionKind, namespace: String, name: String) async throws -> KubeObject?
    /// Objects of a kind (all namespaces when `namespace` is nil), optionally filtered by a label selector.
    func list(_ gvk: GroupVersionKind, namespace: String?, labelSelector: String?) async throws -> [KubeObject]
    /// Server-side apply; returns the object as the server stored it.
    func apply(_ object: KubeObject, options: ApplyOptions) async throws -> KubeObject
    /// Deletes an object; a missing object is not an error.
    func delete(_ gvk: GroupVersionKind, namespace: String, name: String, propagation: PropagationPolicy) async throws
}

/// A Kubernetes API failure, naming the object and carrying the server's reason.
public struct KubeError: Error, CustomStringConvertible, Sendable, Equatable {
    /// HTTP status (0 for transport errors).
    public var code: Int
    /// The `reason` from the server's Status (NotFound, Conflict, Invalid, Forbidden, …) or a transport reason.
    public var reason: String
    public var message: String

    public init(code: Int, reason: String, message: String) { self.code = code; self.reason = reason; self.message = message }

    public var description: String { code == 0 ? "\(reason): \(message)" : "\(message) (\(reason), HTTP \(code))" }

    public static func unknownKind(_ gvk: GroupVersionKind) -> KubeError {
        KubeError(code: 404, reason: "NotFound", message: "the server has no resource type for \(gvk)")
    }
}
