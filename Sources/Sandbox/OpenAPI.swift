import FerryCore

/// A minimal OpenAPI v3 surface: the index and one document per group version whose PATCH operations
/// declare the `fieldValidation` parameter, so kubectl validates on the server instead of downloading schemas.
/// Component schemas (for `kubectl explain`) come from `OpenAPI+Schemas.swift`.
enum OpenAPI {
    /// `/openapi/v3`: the per-group-version document index.
    static func index(_ discovery: Discovery) -> Value {
        var paths: Value = .emptyObject
        for list in discovery.resourceLists {
            guard let gv = list["groupVersion"]?.stringValue else { continue }
            let path = gv.contains("/") ? "apis/\(gv)" : "api/\(gv)"
            paths[path] = ["serverRelativeURL": .string("/openapi/v3/\(path)?hash=sandbox")]
        }
        return ["paths": paths]
    }

    /// `/openapi/v3/api/v1` or `/openapi/v3/apis/<group>/<version>`.
    static func document(_ discovery: Discovery, path: String) -> Value? {
        let parts = path.split(separator: "/").map(String.init)
        let gv: (group: String, version: String)
        switch (parts.count, parts.dropFirst(2).first) {
        case (5, "apis"): gv = (parts[3], parts[4])
        case (4, "api"): gv = ("", parts[3])
        default: return nil
        }
        guard let list = discovery.resourceList(group: gv.group, version: gv.version) else { return nil }
        let prefix = gv.group.isEmpty ? "/api/\(gv.version)" : "/apis/\(gv.group)/\(gv.version)"
        var paths: Value = .emptyObject
        for resource in list["resources"]?.arrayValue ?? [] {
            guard let name = resource["name"]?.stringValue, let kind = resource["kind"]?.stringValue,
                  (resource["verbs"]?.arrayValue ?? []).contains("patch") else { continue }
            let scope = resource["namespaced"]?.boolValue == true ? "/namespaces/{namespace}" : ""
            let segments = name.split(separator: "/")
            let url = prefix + scope + "/\(segments[0])/{name}" + (segments.count > 1 ? "/\(segments[1])" : "")
            paths[url] = ["patch": [
                "x-kubernetes-group-version-kind": ["group": .string(gv.group), "version": .string(gv.version),
                                                    "kind": .string(kind)],
                "parameters": .array(["dryRun", "fieldManager", "fieldValidation", "force"].map {
                    ["name": .string($0), "in": "query", "schema": ["type": "string"]]
                }),
                "responses": ["200": ["description": "OK"]],
            ]]
        }
        return ["openapi": "3.0.0", "info": ["title": "Kubernetes", "version": .string(APIServer.gitVersion)],
                "paths": paths, "components": ["schemas": schemas(group: gv.group, version: gv.version)]]
    }
}
