import FerryCore
import Foundation
import Logging

/// The Kubernetes API: turns one `APIRequest` into one `APIResponse`. Routing lives here; each verb's
/// handler lives in an `APIServer+Verb.swift` file.
struct APIServer: Sendable {
    let discovery: Discovery
    let store: ObjectStore
    let logger: Logger
    /// Injected faults (watch streams consult it for `dropWatchAfterSeconds`).
    var faults = FaultInjector(FaultSettings())
    /// How often watches that allow bookmarks get one.
    var bookmarkInterval: Duration = .seconds(60)
    /// How long a list for a resourceVersion not reached yet waits for it (the watch cache's 3 s).
    var freshnessTimeout: Duration = .seconds(3)
    /// The git version `/version` reports.
    static let gitVersion = "v1.37.0-sandbox"

    /// Answers one request; never throws (failures become `Status` responses).
    func handle(_ request: APIRequest) async -> APIResponse {
        do {
            return try await route(request)
        } catch let error as APIError {
            return .error(error)
        } catch let error as LabelSelectorError {
            return .error(.badRequest(error.message))
        } catch {
            logger.error("request failed", metadata: ["method": "\(request.method)", "path": "\(request.path)",
                                                      "error": "\(error)"])
            return .error(.internalError("\(error)"))
        }
    }

    private func route(_ request: APIRequest) async throws -> APIResponse {
        let path = RequestPath(request.path)
        if case .resource(let resourcePath) = path { return try await serveResource(request, resourcePath) }
        guard request.method == "GET" || request.method == "HEAD" else {
            throw path == .unknown ? APIError.pathNotFound(request.path) : APIError.methodNotAllowed(request.method, request.path)
        }
        return try serveDiscovery(path, request)
    }

    private func serveResource(_ request: APIRequest, _ path: ResourcePath) async throws -> APIResponse {
        let custom = discovery.resource(group: path.group, version: path.version, name: path.resource) == nil
            ? customType(path.group, path.version, path.resource) : nil
        guard let type = discovery.resource(group: path.group, version: path.version, name: path.resource)
            ?? custom?.type else {
            throw APIError.pathNotFound(request.path)
        }
        if path.namespace != nil && !type.namespaced { throw APIError.pathNotFound(request.path) }
        if let sub = path.subresource, !type.subresources.contains(sub) { throw APIError.pathNotFound(request.path) }
        var target = Target(type: type, namespace: path.namespace, name: path.name, subresource: path.subresource)
        target.customSchema = custom?.schema
        if custom != nil, ["POST", "PUT", "PATCH"].contains(request.method) { target.decoding = try CustomDecoding(request) }
        switch (request.method, path.name) {
        case ("GET", nil):
            if request.query["watch"] == "true" || request.query["watch"] == "1" { return try watch(target, request) }
            try await awaitResourceVersion(request)
            return try list(target, request)
        case ("GET", .some): return try get(target, request)
        case ("POST", nil): return try target.warned { try create(target, request) }
        case ("PUT", .some): return try target.warned { try update(target, request) }
        case ("PATCH", .some): return try target.warned { try patch(target, request) }
        case ("DELETE", .some): return try delete(target, request)
        case ("DELETE", nil): return try deleteCollection(target, request)
        default: throw APIError.methodNotAllowed(request.method, request.path)
        }
    }
}

/// The resource a request addresses, resolved against discovery.
struct Target: Sendable {
    var type: ResourceType
    /// The namespace from the URL (nil for cluster-scoped resources and all-namespace lists).
    var namespace: String?
    var name: String?
    var subresource: String?
    /// A custom resource's `openAPIV3Schema` (nil for built-in types), read before any store transaction.
    var customSchema: Value?
    /// For custom resources: the write's `fieldValidation` directive and the warnings it collects.
    var decoding: CustomDecoding?

    /// What a write answers with: the object, or its Scale for the scale subresource.
    func view(_ object: Value?) -> Value {
        guard let object else { return .null }
        return subresource == "scale" ? Scale.view(of: object, type) : object
    }

    /// The storage key for `name`.
    func key(_ name: String) -> ObjectKey {
        ObjectKey(group: type.group, resource: type.name, namespace: type.namespaced ? (namespace ?? "") : "", name: name)
    }
}

extension APIRequest {
    /// The field manager for non-apply writes: `fieldManager`, else the User-Agent's program name.
    var fieldManager: String {
        if let manager = query["fieldManager"], !manager.isEmpty { return manager }
        let agent = headers["user-agent"] ?? "unknown"
        return String(agent.split(separator: "/").first ?? "unknown")
    }

    var isDryRun: Bool { query["dryRun"] == "All" }
}
