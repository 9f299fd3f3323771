import FerryCore
import Foundation

/// Aggregated discovery (`apidiscovery.k8s.io/v2`, KEP 3352): `/api` and `/apis` answer with one
/// `APIGroupDiscoveryList` holding every group, version and resource when the client asks for it in `Accept`,
/// so kubectl and client-go need no per-group-version requests. Built from the same `APIResourceList`
/// documents the legacy endpoints serve, CRD groups included as soon as they are established.
enum AggregatedDiscovery {
    static let group = "apidiscovery.k8s.io"
    static let kind = "APIGroupDiscoveryList"

    /// The response media type for one aggregated discovery version (`v2` or `v2beta1`).
    static func contentType(_ version: String) -> String {
        "application/json;g=\(group);v=\(version);as=\(kind)"
    }

    /// The aggregated discovery version `accept` asks for (`v2` or `v2beta1`), or nil when the first media
    /// range the sandbox can serve is plain JSON (or anything else): then the legacy document is served.
    static func requestedVersion(_ accept: String?) -> String? {
        guard let accept else { return nil }
        for range in accept.split(separator: ",") {
            var parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !parts.isEmpty else { continue }
            let mediaType = parts.removeFirst().lowercased()
            var parameters: [String: String] = [:]
            for part in parts {
                let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { parameters[pair[0].lowercased()] = pair[1] }
            }
            guard ["application/json", "application/*", "*/*"].contains(mediaType) else { continue }
            guard parameters["g"] != nil || parameters["as"] != nil else { return nil }
            if parameters["g"] == group, parameters["as"] == kind,
               let version = parameters["v"], version == "v2" || version == "v2beta1" { return version }
        }
        return nil
    }

    /// One group's place in the list: its name (`""` for core) and versions, preferred first.
    struct GroupEntry {
        var name: String
        var versions: [String]
        /// True for CRD groups, whose response kinds name their group and version.
        var custom: Bool
    }

    /// The `APIGroupDiscoveryList` of `groups`, each version's resources read from `resourceList`.
    static func document(_ groups: [GroupEntry], version: String,
                         resourceList: (_ group: String, _ version: String) -> Value?) -> Value {
        let items: [Value] = groups.map { entry in
            var metadata: Value = ["creationTimestamp": .null]
            if !entry.name.isEmpty { metadata["name"] = .string(entry.name) }
            let versions: [Value] = entry.versions.compactMap { v in
                resourceList(entry.name, v).map { versionEntry($0, group: entry.name, version: v, custom: entry.custom) }
            }
            return ["metadata": metadata, "versions": .array(versions)]
        }
        return ["kind": .string(kind), "apiVersion": .string("\(group)/\(version)"), "metadata": .emptyObject,
                "items": .array(items)]
    }

    /// One `APIVersionDiscovery` from a legacy `APIResourceList`: subresources (`pods/status`) nest under
    /// their resource.
    static func versionEntry(_ list: Value, group: String, version: String, custom: Bool) -> Value {
        let all = list["resources"]?.arrayValue ?? []
        let resources: [Value] = all.compactMap { resource in
            guard let name = resource["name"]?.stringValue, !name.contains("/") else { return nil }
            let subresources = all.filter { ($0["name"]?.stringValue ?? "").hasPrefix(name + "/") }
                .map { subresourceEntry($0, parent: name, group: group, version: version, custom: custom) }
            return resourceEntry(resource, subresources: subresources, group: group, version: version, custom: custom)
        }
        return ["version": .string(version), "resources": .array(resources), "freshness": "Current"]
    }

    /// One `APIResourceDiscovery` from a legacy `APIResource`.
    private static func resourceEntry(_ resource: Value, subresources: [Value], group: String, version: String,
                                      custom: Bool) -> Value {
        var entry: Value = [
            "resource": resource["name"] ?? "",
            "responseKind": responseKind(resource, group: group, version: version, custom: custom),
            "scope": resource["namespaced"]?.boolValue == true ? "Namespaced" : "Cluster",
        ]
        if let singular = resource["singularName"]?.stringValue, !singular.isEmpty {
            entry["singularResource"] = .string(singular)
        }
        entry["verbs"] = resource["verbs"] ?? .array([])
        for key in ["shortNames", "categories"] {
            if let values = resource[key]?.arrayValue, !values.isEmpty { entry[key] = .array(values) }
        }
        if !subresources.isEmpty { entry["subresources"] = .array(subresources) }
        return entry
    }

    /// One `APISubresourceDiscovery` from a legacy `<resource>/<subresource>` entry.
    private static func subresourceEntry(_ resource: Value, parent: String, group: String, version: String,
                                         custom: Bool) -> Value {
        let name = String((resource["name"]?.stringValue ?? "").dropFirst(parent.count + 1))
        return ["subresource": .string(name),
                "responseKind": responseKind(resource, group: group, version: version, custom: custom),
                "verbs": resource["verbs"] ?? .array([])]
    }

    /// The kind a resource answers with. Built-in resources leave group and version empty (the group
    /// version's own), as the API server does; `Scale` is `autoscaling/v1`; CRDs name their group version.
    private static func responseKind(_ resource: Value, group: String, version: String, custom: Bool) -> Value {
        let kind = resource["kind"]?.stringValue ?? ""
        if let g = resource["group"]?.stringValue, let v = resource["version"]?.stringValue {
            return ["group": .string(g), "version": .string(v), "kind": .string(kind)]
        }
        if kind == "Scale" { return ["group": "autoscaling", "version": "v1", "kind": "Scale"] }
        return ["group": .string(custom ? group : ""), "version": .string(custom ? version : ""), "kind": .string(kind)]
    }
}

extension APIServer {
    /// `/api` (the core group) or `/apis` (every other group, CRDs included) as an `APIGroupDiscoveryList`.
    func aggregatedDiscovery(core: Bool, version: String) -> APIResponse {
        let served = CRD.served(store)
        let groups: [AggregatedDiscovery.GroupEntry]
        if core {
            groups = [.init(name: "", versions: ["v1"], custom: false)]
        } else {
            let builtIn = Set((discovery.groupList["groups"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
            groups = (CRD.groupList(discovery.groupList, served)["groups"]?.arrayValue ?? []).compactMap { group in
                guard let name = group["name"]?.stringValue else { return nil }
                let versions = (group["versions"]?.arrayValue ?? []).compactMap { $0["version"]?.stringValue }
                return .init(name: name, versions: versions, custom: !builtIn.contains(name))
            }
        }
        let document = AggregatedDiscovery.document(groups, version: version) { group, version in
            discovery.resourceList(group: group, version: version)
                ?? CRD.resourceList(served, group: group, version: version)
        }
        var response = APIResponse.json(document)
        response.contentType = AggregatedDiscovery.contentType(version)
        return response
    }
}
