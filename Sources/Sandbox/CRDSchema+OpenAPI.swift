import FerryCore
import Foundation

/// Custom kinds in `/openapi/v3`, as the apiextensions server publishes them: one document per served
/// group version, whose component `com.example.v1.Widget` is the version's schema with `metadata` pointing at
/// `ObjectMeta`, plus `WidgetList` and the meta types they reference.
extension OpenAPI {
    /// `/openapi/v3` with the custom group versions added.
    static func index(_ discovery: Discovery, custom: [CRD.Served]) -> Value {
        var index = index(discovery)
        for entry in custom {
            let path = "apis/\(entry.type.group)/\(entry.type.version)"
            index[path: ["paths", path]] = ["serverRelativeURL": .string("/openapi/v3/\(path)?hash=sandbox")]
        }
        return index
    }

    /// A built-in or custom group version's document.
    static func document(_ discovery: Discovery, custom: [CRD.Served], path: String) -> Value? {
        if let builtIn = document(discovery, path: path) { return builtIn }
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 5, parts[2] == "apis" else { return nil }
        let entries = custom.filter { $0.type.group == parts[3] && $0.type.version == parts[4] }
        guard !entries.isEmpty else { return nil }
        var paths: Value = .emptyObject
        var schemas = metaSchemas
        for entry in entries {
            let t = entry.type
            let name = componentName(t.group, t.version, t.kind)
            schemas[name] = kindSchema(entry)
            schemas[name + "List"] = listSchema(t, itemRef: name)
            for sub in [nil] + t.subresources.sorted().map(Optional.some) {
                paths[resourcePath(t, sub)] = patchOperation(t, kind: sub == "scale" ? nil : t.kind)
            }
        }
        return ["openapi": "3.0.0", "info": ["title": "Kubernetes CRD Swagger", "version": "v0.1.0"],
                "paths": paths, "components": ["schemas": schemas]]
    }

    /// `com.example.v1.Widget`: the group's labels reversed, then version and kind.
    static func componentName(_ group: String, _ version: String, _ kind: String) -> String {
        (group.split(separator: ".").reversed().map(String.init) + [version, kind]).joined(separator: ".")
    }

    private static let metaPrefix = "io.k8s.apimachinery.pkg.apis.meta.v1."

    /// ObjectMeta, ListMeta and what they reference, in OpenAPI 3.0 form.
    private static let metaSchemas: Value = {
        var included: Set<String> = []
        var queue = [metaPrefix + "ObjectMeta", metaPrefix + "ListMeta"]
        while let name = queue.popLast() {
            guard included.insert(name).inserted, let schema = definitions[name] else { continue }
            queue += references(in: schema)
        }
        var out: Value = .emptyObject
        for name in included.sorted() { out[name] = definitions[name].map(convert) }
        return out
    }()

    private static func ref(_ name: String) -> Value { ["$ref": .string("#/components/schemas/\(name)")] }

    private static let apiVersionField: Value = [
        "description": "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources",
        "type": "string"]
    private static let kindField: Value = [
        "description": "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds",
        "type": "string"]

    /// The kind's schema: the CRD's, with the standard apiVersion/kind/metadata and its GVK.
    private static func kindSchema(_ entry: CRD.Served) -> Value {
        var schema = entry.schema.map(published) ?? ["type": "object", "x-kubernetes-preserve-unknown-fields": true]
        var properties = schema["properties"]?.objectValue ?? [:]
        properties["apiVersion"] = mergingDescription(properties["apiVersion"], apiVersionField)
        properties["kind"] = mergingDescription(properties["kind"], kindField)
        properties["metadata"] = ["description": "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
                                  "allOf": [ref(metaPrefix + "ObjectMeta")]]
        schema["properties"] = .object(properties)
        schema["x-kubernetes-group-version-kind"] = [["group": .string(entry.type.group), "kind": .string(entry.type.kind),
                                                      "version": .string(entry.type.version)]]
        return schema
    }

    /// A structural schema as published: int-or-string fields also say `anyOf: [integer, string]`.
    private static func published(_ schema: Value) -> Value {
        guard case .object(var members) = schema else { return schema }
        if members["x-kubernetes-int-or-string"]?.boolValue == true, members["anyOf"] == nil {
            members["anyOf"] = [["type": "integer"], ["type": "string"]]
        }
        if let properties = members["properties"]?.objectValue {
            members["properties"] = .object(properties.mapValues(published))
        }
        for key in ["items", "additionalProperties"] where members[key]?.objectValue != nil {
            members[key] = members[key].map(published)
        }
        return .object(members)
    }

    private static func mergingDescription(_ declared: Value?, _ standard: Value) -> Value {
        guard var declared, case .object = declared else { return standard }
        if declared["description"] == nil { declared["description"] = standard["description"] }
        return declared
    }

    private static func listSchema(_ t: ResourceType, itemRef: String) -> Value {
        ["description": .string("\(t.kind)List is a list of \(t.kind)"), "type": "object", "required": ["items"],
         "properties": ["apiVersion": apiVersionField, "kind": kindField,
                        "items": ["description": .string("List of \(t.name). More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md"),
                                  "type": "array", "items": ref(itemRef)],
                        "metadata": ["description": "Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds",
                                     "allOf": [ref(metaPrefix + "ListMeta")]]],
         "x-kubernetes-group-version-kind": [["group": .string(t.group), "kind": .string(t.kind + "List"),
                                              "version": .string(t.version)]]]
    }

    private static func resourcePath(_ t: ResourceType, _ sub: String?) -> String {
        let scope = t.namespaced ? "/namespaces/{namespace}" : ""
        return "/apis/\(t.group)/\(t.version)\(scope)/\(t.name)/{name}" + (sub.map { "/\($0)" } ?? "")
    }

    /// A PATCH operation declaring the query parameters kubectl looks for (`fieldValidation` among them).
    private static func patchOperation(_ t: ResourceType, kind: String?) -> Value {
        let gvk: Value = ["group": .string(t.group), "version": .string(kind == nil ? "v1" : t.version),
                          "kind": .string(kind ?? "Scale")]
        return ["patch": [
            "x-kubernetes-group-version-kind": kind == nil ? ["group": "autoscaling", "version": "v1", "kind": "Scale"] : gvk,
            "parameters": .array(["dryRun", "fieldManager", "fieldValidation", "force"].map {
                ["name": .string($0), "in": "query", "schema": ["type": "string"]]
            }),
            "responses": ["200": ["description": "OK"]],
        ]]
    }
}
