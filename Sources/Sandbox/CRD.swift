import FerryCore
import Foundation

/// CustomResourceDefinitions: the resources they define are read from the stored CRDs on every request,
/// so creating, changing or deleting a CRD changes discovery and routing at once.
enum CRD {
    static let group = "apiextensions.k8s.io"
    static let resource = "customresourcedefinitions"

    /// True for the CustomResourceDefinition type itself.
    static func isCRD(_ type: ResourceType) -> Bool { type.group == group && type.name == resource }

    /// One served version of one stored CRD, with the names discovery lists.
    struct Served: Sendable {
        var type: ResourceType
        var singular: String
        var shortNames: [String]
        var categories: [String]
        /// The version's `openAPIV3Schema`, for defaults.
        var schema: Value?
    }

    /// Every served version of every established CRD in `store`, in CRD name order.
    static func served(_ store: ObjectStore) -> [Served] {
        guard let (items, _) = try? store.list(group: group, resource: resource, namespace: nil) else { return [] }
        return items.sorted { KubeObject($0).name < KubeObject($1).name }.flatMap(served(by:))
    }

    /// The served versions one CRD defines (none while it is being deleted).
    static func served(by crd: Value) -> [Served] {
        guard crd[path: ["metadata", "deletionTimestamp"]] == nil,
              let group = crd[path: ["spec", "group"]]?.stringValue,
              let plural = crd[path: ["spec", "names", "plural"]]?.stringValue,
              let kind = crd[path: ["spec", "names", "kind"]]?.stringValue else { return [] }
        let names = crd[path: ["spec", "names"]] ?? .emptyObject
        let strings = { (key: String) in (names[key]?.arrayValue ?? []).compactMap(\.stringValue) }
        let versions = crd[path: ["spec", "versions"]]?.arrayValue ?? []
        return versions.compactMap { version -> Served? in
            guard version["served"]?.boolValue == true, let name = version["name"]?.stringValue else { return nil }
            var subresources: Set<String> = []
            if version[path: ["subresources", "status"]] != nil { subresources.insert("status") }
            // The Scale view reads `.spec.replicas` / `.status.replicas`; other paths are not served.
            if let scale = version[path: ["subresources", "scale"]],
               scale["specReplicasPath"]?.stringValue == ".spec.replicas",
               scale["statusReplicasPath"]?.stringValue == ".status.replicas" { subresources.insert("scale") }
            let type = ResourceType(
                group: group, version: name, name: plural, kind: kind,
                namespaced: crd[path: ["spec", "scope"]]?.stringValue != "Cluster",
                verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
                subresources: subresources, printerColumns: PrinterColumn.columns(of: version))
            return Served(type: type, singular: names["singular"]?.stringValue ?? kind.lowercased(),
                          shortNames: strings("shortNames"), categories: strings("categories"),
                          schema: version[path: ["schema", "openAPIV3Schema"]])
        }
    }

    /// The `APIResourceList` document of one group version, or nil when no CRD serves it.
    static func resourceList(_ served: [Served], group: String, version: String) -> Value? {
        let matching = served.filter { $0.type.group == group && $0.type.version == version }
        guard !matching.isEmpty else { return nil }
        var resources: [Value] = []
        for entry in matching {
            let t = entry.type
            var resource: Value = ["name": .string(t.name), "singularName": .string(entry.singular),
                                   "namespaced": .bool(t.namespaced), "kind": .string(t.kind),
                                   "verbs": .array(t.verbs.sorted().map { .string($0) })]
            if !entry.shortNames.isEmpty { resource["shortNames"] = .array(entry.shortNames.map { .string($0) }) }
            if !entry.categories.isEmpty { resource["categories"] = .array(entry.categories.map { .string($0) }) }
            resources.append(resource)
            for sub in t.subresources.sorted() {
                resources.append(["name": .string("\(t.name)/\(sub)"), "singularName": "",
                                  "namespaced": .bool(t.namespaced),
                                  "kind": .string(sub == "scale" ? "Scale" : t.kind),
                                  "verbs": ["get", "patch", "update"]])
            }
        }
        return ["kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string("\(group)/\(version)"),
                "resources": .array(resources)]
    }

    /// `/apis` with the CRD groups appended (versions in the order the CRDs list them).
    static func groupList(_ builtIn: Value, _ served: [Served]) -> Value {
        var order: [String] = []
        var versions: [String: [String]] = [:]
        for entry in served {
            let g = entry.type.group
            if versions[g] == nil { order.append(g) }
            if !(versions[g] ?? []).contains(entry.type.version) { versions[g, default: []].append(entry.type.version) }
        }
        var groups = builtIn["groups"]?.arrayValue ?? []
        let known = Set(groups.compactMap { $0["name"]?.stringValue })
        for g in order where !known.contains(g) {
            let entries: [Value] = (versions[g] ?? []).map { ["groupVersion": .string("\(g)/\($0)"), "version": .string($0)] }
            groups.append(["name": .string(g), "versions": .array(entries), "preferredVersion": entries.first ?? .null])
        }
        var list = builtIn
        list["groups"] = .array(groups)
        return list
    }

    /// Validates a CRD being written and sets its status as an API server that accepted its names would.
    static func prepare(_ crd: inout Value) throws {
        let name = KubeObject(crd).name
        let group = crd[path: ["spec", "group"]]?.stringValue ?? ""
        let plural = crd[path: ["spec", "names", "plural"]]?.stringValue ?? ""
        var errors: [(field: String, message: String)] = []
        if group.isEmpty { errors.append(("spec.group", "Required value")) }
        if plural.isEmpty { errors.append(("spec.names.plural", "Required value")) }
        if (crd[path: ["spec", "names", "kind"]]?.stringValue ?? "").isEmpty {
            errors.append(("spec.names.kind", "Required value"))
        }
        if !group.isEmpty, !plural.isEmpty, name != "\(plural).\(group)" {
            errors.append(("metadata.name", "Invalid value: \"\(name)\": must be spec.names.plural+\".\"+spec.group"))
        }
        let versions = crd[path: ["spec", "versions"]]?.arrayValue ?? []
        if versions.isEmpty { errors.append(("spec.versions", "Invalid value: null: must have exactly one version marked as storage version")) }
        let storage = versions.filter { $0["storage"]?.boolValue == true }.compactMap { $0["name"]?.stringValue }
        if !versions.isEmpty, storage.count != 1 {
            errors.append(("spec.versions", "Invalid value: \(storage.count): must have exactly one version marked as storage version"))
        }
        if !errors.isEmpty {
            throw APIError.invalid(ResourceType(group: Self.group, version: "v1", name: resource,
                                                kind: "CustomResourceDefinition", namespaced: false, verbs: [],
                                                subresources: []), name, errors)
        }
        var names = crd[path: ["spec", "names"]] ?? .emptyObject
        if names["singular"] == nil { names["singular"] = .string((names["kind"]?.stringValue ?? "").lowercased()) }
        if names["listKind"] == nil { names["listKind"] = .string((names["kind"]?.stringValue ?? "") + "List") }
        crd[path: ["spec", "names"]] = names
        let now = ObjectRules.timestamp()
        let stored = (crd[path: ["status", "storedVersions"]]?.arrayValue ?? []).compactMap(\.stringValue)
        let storedVersions = stored + storage.filter { !stored.contains($0) }
        crd["status"] = [
            "conditions": [
                ["type": "NamesAccepted", "status": "True", "lastTransitionTime": .string(now),
                 "reason": "NoConflicts", "message": "no conflicts found"],
                ["type": "Established", "status": "True", "lastTransitionTime": .string(now),
                 "reason": "InitialNamesAccepted", "message": "the initial names have been accepted"],
            ],
            "acceptedNames": names,
            "storedVersions": .array(storedVersions.map { .string($0) }),
        ]
    }

    /// Fills the structural schema's `default`s into `object` where fields are absent.
    static func applyDefaults(_ object: inout Value, schema: Value?) {
        guard let schema, let properties = schema["properties"]?.objectValue, case .object = object else { return }
        for (key, property) in properties {
            if object[key] == nil, let value = property["default"] { object[key] = value }
            if var child = object[key], key != "metadata" {
                applyDefaults(&child, schema: property)
                object[key] = child
            }
        }
    }
}
