import FerryCore
import Foundation

/// The component schemas of the `/openapi/v3` documents (for `kubectl explain`), built from the bundled
/// Kubernetes definitions (JSON Schema 2020-12, `kubernetes-definitions.json`): each group version's document
/// carries the schemas of its kinds and every schema they reference, rewritten to OpenAPI 3.0 shapes
/// (`$ref` into `#/components/schemas/…` wrapped in `allOf`, `type: [t, "null"]` → `type: t`; IntOrString stays
/// a `oneOf` of integer and string, as kube-openapi publishes it in v3).
extension OpenAPI {
    /// All definitions by name; empty when the bundled file is missing or unreadable.
    static let definitions: [String: Value] = {
        guard let url = Bundle.module.url(forResource: "kubernetes-definitions", withExtension: "json",
                                          subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "kubernetes-definitions", withExtension: "json"),
              let data = try? Data(contentsOf: url), let root = try? JSON.parse(data) else { return [:] }
        let members = root["$defs"]?.objectValue.map { Array($0) } ?? []
        return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }()

    /// The schemas for one group version: its kinds (by `x-kubernetes-group-version-kind`) and their references.
    static func schemas(group: String, version: String) -> Value {
        let roots = definitions.filter { _, schema in
            (schema["x-kubernetes-group-version-kind"]?.arrayValue ?? []).contains {
                $0["group"]?.stringValue == group && $0["version"]?.stringValue == version
            }
        }.map(\.key)
        var included: Set<String> = []
        var queue = roots
        while let name = queue.popLast() {
            guard included.insert(name).inserted, let schema = definitions[name] else { continue }
            queue += references(in: schema)
        }
        var out: Value = .emptyObject
        for name in included.sorted() {
            guard var schema = definitions[name].map(convert) else { continue }
            // The definitions pin apiVersion and kind with an `enum`; the server's schemas do not.
            for field in ["apiVersion", "kind"] where schema[path: ["properties", field, "enum"]] != nil {
                schema[path: ["properties", field, "enum"]] = nil
            }
            out[name] = schema
        }
        return out
    }

    private static let refPrefix = "#/$defs/"

    /// Names of the definitions `value` refers to.
    static func references(in value: Value) -> [String] {
        switch value {
        case .object(let members):
            var names: [String] = []
            if let ref = members["$ref"]?.stringValue, ref.hasPrefix(refPrefix) { names.append(String(ref.dropFirst(refPrefix.count))) }
            for (_, member) in members { names += references(in: member) }
            return names
        case .array(let items): return items.flatMap { references(in: $0) }
        default: return []
        }
    }

    /// One schema in OpenAPI 3.0 form.
    static func convert(_ value: Value) -> Value {
        switch value {
        case .object(var members):
            if let types = members["type"]?.arrayValue {
                let concrete = types.filter { $0.stringValue != "null" }
                members["type"] = concrete.first ?? "object"
            }
            if let ref = members["$ref"]?.stringValue, ref.hasPrefix(refPrefix) {
                let target: Value = ["$ref": .string("#/components/schemas/" + ref.dropFirst(refPrefix.count))]
                members["$ref"] = nil
                members["allOf"] = [target]
            }
            var result: Value = .emptyObject
            for (key, member) in members {
                // `enum` and the GVK list hold values, not schemas.
                result[key] = key == "enum" || key == "x-kubernetes-group-version-kind" ? member : convert(member)
            }
            return result
        case .array(let items): return .array(items.map(convert))
        default: return value
        }
    }
}
