/// What a request URL addresses.
enum RequestPath: Equatable, Sendable {
    case version
    case health
    case coreVersions
    case groupList
    case group(String)
    case groupVersion(group: String, version: String)
    case openAPI
    case resource(ResourcePath)
    case unknown

    /// Parses a URL path such as `/apis/apps/v1/namespaces/prod/deployments/web/status`.
    init(_ path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch parts.first {
        case "version": self = parts.count == 1 ? .version : .unknown
        case "healthz", "livez", "readyz": self = .health
        case "openapi": self = .openAPI
        case "api":
            if parts.count == 1 { self = .coreVersions; return }
            self = Self.groupVersionPath(group: "", version: parts[1], rest: Array(parts.dropFirst(2)))
        case "apis":
            if parts.count == 1 { self = .groupList; return }
            if parts.count == 2 { self = .group(parts[1]); return }
            self = Self.groupVersionPath(group: parts[1], version: parts[2], rest: Array(parts.dropFirst(3)))
        default: self = .unknown
        }
    }

    private static func groupVersionPath(group: String, version: String, rest: [String]) -> RequestPath {
        if rest.isEmpty { return .groupVersion(group: group, version: version) }
        var path = ResourcePath(group: group, version: version, resource: "")
        var rest = rest[...]
        // `namespaces/<ns>/<resource>…` addresses namespaced objects, except namespaces' own subresources.
        if rest.first == "namespaces", rest.count >= 3,
           !(rest.count == 3 && ["status", "finalize"].contains(rest[rest.startIndex + 2])) {
            path.namespace = rest[rest.startIndex + 1]
            rest = rest.dropFirst(2)
        }
        guard let resource = rest.popFirst() else { return .unknown }
        path.resource = resource
        path.name = rest.popFirst()
        path.subresource = rest.popFirst()
        return rest.isEmpty ? .resource(path) : .unknown
    }
}

/// The resource part of a URL: group, version, optional namespace, resource, optional name and subresource.
struct ResourcePath: Equatable, Sendable {
    var group: String
    var version: String
    var namespace: String?
    var resource: String
    var name: String?
    var subresource: String?
}
