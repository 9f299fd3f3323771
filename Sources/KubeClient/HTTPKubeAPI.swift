import FerryCore
import Foundation
import Logging

/// `KubeAPI` over HTTP: talks to a real API server (or the sandbox) through `HTTPTransport`.
///
/// Writes use server-side apply (`PATCH` with `application/apply-patch+yaml`); reads retry transient
/// failures; errors carry the server's `Status` reason and name the object.
public final class HTTPKubeAPI: KubeAPI {
    /// Where and how to connect.
    public let connection: KubeConnection
    let transport: HTTPTransport
    let paths: ResourcePath
    let logger: Logger
    let discovery = DiscoveryCache()
    /// Attempts for idempotent reads (first try included).
    let readAttempts: Int
    /// Page size for list calls.
    let pageSize: Int

    /// Creates a client. A transport built from the connection is used unless one is given.
    public init(connection: KubeConnection, transport: HTTPTransport? = nil,
                logger: Logger = Logger(label: "ferry.kube"), readAttempts: Int = 3, pageSize: Int = 500) {
        self.connection = connection
        self.transport = transport ?? HTTPTransport(settings: connection.transportSettings)
        self.paths = ResourcePath(server: connection.server)
        self.logger = logger
        self.readAttempts = max(1, readAttempts)
        self.pageSize = pageSize
    }

    public func get(_ gvk: GroupVersionKind, namespace: String, name: String) async throws -> KubeObject? {
        let resource = try await resource(for: gvk)
        let ns = effectiveNamespace(resource, namespace)
        let subject = Self.subject(gvk.kind, ns, name)
        let response = try await read(paths.url(paths.object(resource, namespace: ns, name: name)))
        if response.status == 404 { return nil }
        guard response.status == 200 else { throw KubeError.fromResponse(response, subject: subject, verb: "get") }
        return try decodeObject(response, subject: subject)
    }

    public func list(_ gvk: GroupVersionKind, namespace: String?, labelSelector: String?) async throws -> [KubeObject] {
        let resource = try await resource(for: gvk)
        let subject = namespace.map { "\(gvk.kind) in namespace \($0)" } ?? "\(gvk.kind) (all namespaces)"
        var items: [KubeObject] = []
        var continueToken: String?
        repeat {
            var query: [(String, String)] = [("limit", String(pageSize))]
            if let labelSelector, !labelSelector.isEmpty { query.append(("labelSelector", labelSelector)) }
            if let continueToken { query.append(("continue", continueToken)) }
            let response = try await read(paths.url(paths.collection(resource, namespace: namespace), query: query))
            guard response.status == 200 else { throw KubeError.fromResponse(response, subject: subject, verb: "list") }
            let page = try decodeValue(response, subject: subject)
            items += Self.items(of: page, gvk: gvk)
            continueToken = page[path: ["metadata", "continue"]]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        } while continueToken != nil
        return items
    }

    public func apply(_ object: KubeObject, options: ApplyOptions) async throws -> KubeObject {
        let resource = try await resource(for: object.gvk)
        var body = object
        body.namespace = resource.namespaced ? effectiveNamespace(resource, object.namespace) : ""
        let subject = Self.subject(object.kind, body.namespace, object.name)
        guard !object.name.isEmpty else {
            throw KubeError(code: 0, reason: "Invalid", message: "\(subject): apply failed: metadata.name is required")
        }
        var query = [("fieldManager", options.fieldManager)]
        if options.force { query.append(("force", "true")) }
        if options.dryRun { query.append(("dryRun", "All")) }
        let request = HTTPRequest(method: "PATCH", url: try paths.url(paths.object(resource, namespace: body.namespace,
                                                                                  name: object.name), query: query),
                                  headers: [("Content-Type", "application/apply-patch+yaml"), ("Accept", "application/json")],
                                  body: Data(JSON.encode(body.value).utf8))
        let response = try await transport.send(request)
        guard response.status == 200 || response.status == 201 else {
            throw KubeError.fromResponse(response, subject: subject, verb: options.dryRun ? "dry-run apply" : "apply")
        }
        return try decodeObject(response, subject: subject)
    }

    public func delete(_ gvk: GroupVersionKind, namespace: String, name: String, propagation: PropagationPolicy) async throws {
        let resource = try await resource(for: gvk)
        let ns = effectiveNamespace(resource, namespace)
        let options: Value = ["apiVersion": "v1", "kind": "DeleteOptions", "propagationPolicy": .string(propagation.rawValue)]
        let request = HTTPRequest(method: "DELETE", url: try paths.url(paths.object(resource, namespace: ns, name: name)),
                                  headers: [("Content-Type", "application/json"), ("Accept", "application/json")],
                                  body: Data(JSON.encode(options).utf8))
        let response = try await transport.send(request)
        guard response.status == 404 || (200..<300).contains(response.status) else {
            throw KubeError.fromResponse(response, subject: Self.subject(gvk.kind, ns, name), verb: "delete")
        }
    }

    /// The namespace to use: the given one, or the connection's default for namespaced kinds; "" when cluster-scoped.
    func effectiveNamespace(_ resource: APIResource, _ namespace: String) -> String {
        guard resource.namespaced else { return "" }
        return namespace.isEmpty ? connection.namespace : namespace
    }

    /// kubectl-style object name: `Kind/namespace/name` or `Kind/name`.
    static func subject(_ kind: String, _ namespace: String, _ name: String) -> String {
        namespace.isEmpty ? "\(kind)/\(name)" : "\(kind)/\(namespace)/\(name)"
    }

    /// List items with `apiVersion` and `kind` filled in (servers omit them inside lists).
    static func items(of list: Value, gvk: GroupVersionKind) -> [KubeObject] {
        let listKind = list["kind"]?.stringValue ?? ""
        let kind = listKind.hasSuffix("List") && listKind.count > 4 ? String(listKind.dropLast(4)) : gvk.kind
        let apiVersion = list["apiVersion"]?.stringValue ?? gvk.apiVersion
        return (list["items"]?.arrayValue ?? []).map { item in
            var object = item
            if object["apiVersion"]?.stringValue?.isEmpty ?? true { object["apiVersion"] = .string(apiVersion) }
            if object["kind"]?.stringValue?.isEmpty ?? true { object["kind"] = .string(kind) }
            return KubeObject(object)
        }
    }
}
