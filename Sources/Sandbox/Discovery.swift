import FerryCore
import Foundation

/// One servable resource of one group version, as listed by discovery.
struct ResourceType: Sendable, Hashable {
    var group: String
    var version: String
    /// The plural resource name, e.g. `deployments`.
    var name: String
    var kind: String
    var namespaced: Bool
    var verbs: Set<String>
    /// Subresource names listed in discovery, e.g. `status`, `scale`.
    var subresources: Set<String>
    /// A custom resource's table columns after NAME (nil for built-in types, which have their own).
    var printerColumns: [PrinterColumn]? = nil

    /// `deployments.apps`, or `pods` for the core group.
    var qualifiedName: String { group.isEmpty ? name : "\(name).\(group)" }
    var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    /// True when `status` is only written through the status subresource.
    var hasStatus: Bool { subresources.contains("status") }
}

/// The built-in API surface: discovery documents loaded from the bundled reference data.
struct Discovery: Sendable {
    /// The `APIResourceList` documents, in file order (preferred versions first).
    let resourceLists: [Value]
    private let types: [String: ResourceType]

    /// Loads `kubernetes-discovery.json` from the module bundle.
    static func load() throws -> Discovery {
        guard let url = Bundle.module.url(forResource: "kubernetes-discovery", withExtension: "json",
                                          subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "kubernetes-discovery", withExtension: "json") else {
            throw SandboxError("bundled resource kubernetes-discovery.json is missing")
        }
        do {
            return try Discovery(json: try JSON.parse(Data(contentsOf: url)))
        } catch let error as SandboxError {
            throw error
        } catch {
            throw SandboxError("cannot read \(url.path): \(error)")
        }
    }

    /// Builds the index from a JSON array of `APIResourceList` documents.
    init(json: Value) throws {
        guard let lists = json.arrayValue else { throw SandboxError("discovery data is not a JSON array") }
        resourceLists = lists
        var types: [String: ResourceType] = [:]
        for list in lists {
            let gv = GroupVersionKind(apiVersion: list["groupVersion"]?.stringValue ?? "", kind: "")
            let resources = list["resources"]?.arrayValue ?? []
            for resource in resources {
                guard let name = resource["name"]?.stringValue, !name.contains("/") else { continue }
                let subs = resources.compactMap { $0["name"]?.stringValue }
                    .filter { $0.hasPrefix(name + "/") }.map { String($0.dropFirst(name.count + 1)) }
                types["\(gv.group)/\(gv.version)/\(name)"] = ResourceType(
                    group: gv.group, version: gv.version, name: name, kind: resource["kind"]?.stringValue ?? "",
                    namespaced: resource["namespaced"]?.boolValue ?? false,
                    verbs: Set((resource["verbs"]?.arrayValue ?? []).compactMap(\.stringValue)),
                    subresources: Set(subs))
            }
        }
        self.types = types
    }

    /// The resource served at `/apis/<group>/<version>/<name>` (or `/api/v1/<name>`).
    func resource(group: String, version: String, name: String) -> ResourceType? {
        types["\(group)/\(version)/\(name)"]
    }

    /// The resource for a group and kind, in its preferred version.
    func resource(group: String, kind: String) -> ResourceType? {
        for list in resourceLists {
            let gv = GroupVersionKind(apiVersion: list["groupVersion"]?.stringValue ?? "", kind: "")
            guard gv.group == group else { continue }
            if let hit = types.values.first(where: { $0.group == group && $0.version == gv.version && $0.kind == kind }) {
                return hit
            }
        }
        return nil
    }

    /// The `APIResourceList` for one group version.
    func resourceList(group: String, version: String) -> Value? {
        let gv = group.isEmpty ? version : "\(group)/\(version)"
        return resourceLists.first { $0["groupVersion"]?.stringValue == gv }
    }

    /// `/api`: the core group's versions.
    func coreVersions(serverAddress: String) -> Value {
        ["kind": "APIVersions", "versions": ["v1"],
         "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]]]
    }

    /// `/apis`: every named group with its versions; the first listed version is preferred.
    var groupList: Value {
        var order: [String] = []
        var versions: [String: [String]] = [:]
        for list in resourceLists {
            let gv = GroupVersionKind(apiVersion: list["groupVersion"]?.stringValue ?? "", kind: "")
            guard !gv.group.isEmpty else { continue }
            if versions[gv.group] == nil { order.append(gv.group) }
            versions[gv.group, default: []].append(gv.version)
        }
        let groups: [Value] = order.map { group in
            let entries: [Value] = (versions[group] ?? []).map {
                ["groupVersion": .string("\(group)/\($0)"), "version": .string($0)]
            }
            return ["name": .string(group), "versions": .array(entries), "preferredVersion": entries.first ?? .null]
        }
        return ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(groups)]
    }

    /// `/apis/<group>`: one group.
    func group(_ name: String) -> Value? {
        groupList["groups"]?.arrayValue?.first { $0["name"]?.stringValue == name }.map {
            var g = $0
            g["kind"] = "APIGroup"
            g["apiVersion"] = "v1"
            return g
        }
    }
}
