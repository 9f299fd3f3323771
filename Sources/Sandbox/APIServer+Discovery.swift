import FerryCore

extension APIServer {
    /// `/version`, `/api`, `/apis`, group and group-version documents, health and OpenAPI.
    func serveDiscovery(_ path: RequestPath, _ request: APIRequest) throws -> APIResponse {
        switch path {
        case .version:
            return .json(["major": "1", "minor": "37", "emulationMajor": "1", "emulationMinor": "37",
                          "gitVersion": .string(Self.gitVersion), "gitCommit": "sandbox", "gitTreeState": "clean",
                          "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.25.0", "compiler": "gc",
                          "platform": "linux/amd64"])
        case .health:
            return APIResponse(status: 200, contentType: "text/plain", body: Data("ok".utf8))
        case .coreVersions:
            if let version = AggregatedDiscovery.requestedVersion(request.headers["accept"]) {
                return aggregatedDiscovery(core: true, version: version)
            }
            return .json(discovery.coreVersions(serverAddress: request.headers["host"] ?? "127.0.0.1"))
        case .groupList:
            // Aggregated discovery when asked for; the plain list (content type application/json) makes
            // other clients fetch per-group-version documents.
            if let version = AggregatedDiscovery.requestedVersion(request.headers["accept"]) {
                return aggregatedDiscovery(core: false, version: version)
            }
            return .json(CRD.groupList(discovery.groupList, CRD.served(store)))
        case .group(let name):
            let groups = CRD.groupList(discovery.groupList, CRD.served(store))["groups"]?.arrayValue ?? []
            guard var group = groups.first(where: { $0["name"]?.stringValue == name }) else {
                throw APIError.pathNotFound(request.path)
            }
            group["kind"] = "APIGroup"
            group["apiVersion"] = "v1"
            return .json(group)
        case .groupVersion(let group, let version):
            guard let list = discovery.resourceList(group: group, version: version)
                ?? CRD.resourceList(CRD.served(store), group: group, version: version) else {
                throw APIError.pathNotFound(request.path)
            }
            return .json(list)
        case .openAPI:
            if request.path.hasSuffix("/openapi/v3") || request.path.hasSuffix("/openapi/v3/") {
                return .json(OpenAPI.index(discovery, custom: CRD.served(store)))
            }
            guard let document = OpenAPI.document(discovery, custom: CRD.served(store), path: request.path) else {
                throw APIError.pathNotFound(request.path)
            }
            return .json(document)
        case .unknown, .resource:
            throw APIError.pathNotFound(request.path)
        }
    }
}

import Foundation
