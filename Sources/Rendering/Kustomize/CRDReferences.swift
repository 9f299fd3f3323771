import FerryCore
import OrderedCollections

/// `crds`: OpenAPI definition files (`{"<package>.<Kind>": {"Schema": {...}}}`, JSON or YAML) whose
/// kustomize extensions add field specs: `x-kubernetes-annotation` (commonAnnotations),
/// `x-kubernetes-label-selector` (commonLabels), `x-kubernetes-identity` (namePrefix) and
/// `x-kubernetes-object-ref-api-version` + `-kind` (+ `-name-key`) (nameReference).
enum CRDReferences {
    static func config(_ text: String, file: String) throws -> TransformerConfig {
        let definitions = try YAML.parse(text, file: file)
        guard case .object(let types) = definitions else {
            throw RenderError(file: file, message: "unable to parse open API definition: expected a mapping of type names to definitions")
        }
        var config = TransformerConfig()
        for (typeName, definition) in types {
            let properties = definition[path: ["Schema", "properties"]]?.objectValue ?? [:]
            guard properties["kind"] != nil, properties["apiVersion"] != nil, properties["metadata"] != nil else { continue }
            let kind = String(typeName.split(separator: ".").last ?? "")
            var visited: Set<String> = []
            try load(typeName, kind: kind, path: [], types: types, into: &config, visited: &visited, file: file)
        }
        return config
    }

    private static func load(_ typeName: String, kind: String, path: [String], types: OrderedDictionary<String, Value>,
                             into config: inout TransformerConfig, visited: inout Set<String>, file: String) throws {
        guard let definition = types[typeName], visited.insert(typeName + "@" + path.joined(separator: "/")).inserted,
              path.count < 32 else { return }
        for (name, property) in definition[path: ["Schema", "properties"]]?.objectValue ?? [:] {
            let fieldPath = (path + [name]).joined(separator: "/")
            func spec(_ p: String) -> FieldSpec { FieldSpec(p, kind: kind, create: false) }
            if property["x-kubernetes-annotation"] != nil {
                config.commonAnnotations = try TransformerConfig.merge(config.commonAnnotations, [spec(fieldPath)], file: file)
            }
            if property["x-kubernetes-label-selector"] != nil {
                config.commonLabels = try TransformerConfig.merge(config.commonLabels, [spec(fieldPath)], file: file)
            }
            if property["x-kubernetes-identity"] != nil {
                config.namePrefix = try TransformerConfig.merge(config.namePrefix, [spec(fieldPath)], file: file)
            }
            if let version = property["x-kubernetes-object-ref-api-version"]?.stringValue,
               let targetKind = property["x-kubernetes-object-ref-kind"]?.stringValue {
                let nameKey = property["x-kubernetes-object-ref-name-key"]?.stringValue ?? "name"
                var extra = TransformerConfig()
                extra.nameReference = [NameBackReference(kind: targetKind, version: version, referrers: [spec(fieldPath + "/" + nameKey)])]
                try config.merge(extra, file: file)
            }
            if let ref = property["$ref"]?.stringValue {
                try load(ref, kind: kind, path: path + [name], types: types, into: &config, visited: &visited, file: file)
            }
        }
    }
}
