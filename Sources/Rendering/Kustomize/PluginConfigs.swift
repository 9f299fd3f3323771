import FerryCore

/// `generators:` and `transformers:`: builtin plugin configurations (`apiVersion: builtin`), given inline,
/// as files, or as a directory whose kustomization produces them. Each is run by turning it into the
/// equivalent kustomization fields. Exec, Go and KRM-function plugins are refused.
enum PluginConfigs {
    static let transformerKinds: Set<String> = [
        "PrefixSuffixTransformer", "PrefixTransformer", "SuffixTransformer", "LabelTransformer",
        "AnnotationsTransformer", "NamespaceTransformer", "ImageTagTransformer", "ReplicaCountTransformer",
        "ReplacementTransformer", "PatchTransformer", "PatchStrategicMergeTransformer", "PatchJson6902Transformer",
    ]
    static let generatorKinds: Set<String> = ["ConfigMapGenerator", "SecretGenerator", "HelmChartInflationGenerator"]

    static func runGenerators(_ k: Kustomization, builder: inout Builder, stack: [String], accumulator: inout Accumulator) throws {
        for (config, source, path) in try configs(k, field: "generators", builder: &builder, stack: stack) {
            let kind = try check(config, source: source, allowed: generatorKinds, field: "generators", file: k.file)
            let before = accumulator.resources.count
            if kind == "HelmChartInflationGenerator" {
                var entry = config
                for key in ["apiVersion", "kind", "metadata"] { entry[key] = nil }
                accumulator.invalidateIndex()
                try accumulator.append(try HelmCharts.inflate(entry, globals: entry, field: "generators (\(source))",
                                                              k: k, builder: &builder), file: k.file)
                if builder.trackOrigins {
                    let origin = BuildMetadata.generatorOrigin(builder.relative(path), kind: kind,
                                                               name: config[path: ["metadata", "name"]]?.stringValue)
                    for i in before..<accumulator.resources.count { accumulator.resources[i].originAnnotation = origin }
                }
                continue
            }
            var entry = config
            for key in ["apiVersion", "kind", "metadata"] { entry[key] = nil }
            if entry["name"] == nil { entry["name"] = config[path: ["metadata", "name"]] }
            if entry["namespace"] == nil, let ns = config[path: ["metadata", "namespace"]] { entry["namespace"] = ns }
            let field = kind == "ConfigMapGenerator" ? "configMapGenerator" : "secretGenerator"
            let synthetic = k.synthesized([field: .array([entry])])
            try Generators.run(synthetic, builder: builder, resources: &accumulator.resources)
            if builder.trackOrigins {
                let origin = BuildMetadata.generatorOrigin(builder.relative(path), kind: kind,
                                                           name: config[path: ["metadata", "name"]]?.stringValue)
                for i in before..<accumulator.resources.count { accumulator.resources[i].originAnnotation = origin }
            }
        }
    }

    static func runTransformers(_ k: Kustomization, builder: inout Builder, stack: [String], accumulator: inout Accumulator) throws {
        for (config, source, path) in try configs(k, field: "transformers", builder: &builder, stack: stack) {
            let kind = try check(config, source: source, allowed: transformerKinds, field: "transformers", file: k.file)
            try run(kind, config, k: k, builder: builder, resources: &accumulator.resources)
            if builder.trackTransformations {
                let entry = BuildMetadata.transformation(builder.relative(path), kind: kind,
                                                         name: config[path: ["metadata", "name"]]?.stringValue)
                for i in accumulator.resources.indices { accumulator.resources[i].transformations.append(entry) }
            }
        }
    }

    /// Runs one builtin transformer configuration.
    static func run(_ kind: String, _ c: Value, k: Kustomization, builder: Builder, resources: inout [KResource]) throws {
        var synthetic = k.synthesized([:])
        synthetic.config = TransformerConfig()
        let specs = try (c["fieldSpecs"]?.arrayValue ?? []).map { try FieldSpec($0, file: k.file, field: "\(kind).fieldSpecs") }
        switch kind {
        case "PrefixSuffixTransformer", "PrefixTransformer", "SuffixTransformer":
            synthetic.raw = ["namePrefix": c["prefix"] ?? .null, "nameSuffix": c["suffix"] ?? .null]
            synthetic.config.namePrefix = specs
            synthetic.config.nameSuffix = specs
            try NameAffixes.run(synthetic, resources: &resources)
        case "LabelTransformer", "AnnotationsTransformer":
            let isLabels = kind == "LabelTransformer"
            let pairs = try k.stringMap(c[isLabels ? "labels" : "annotations"], field: "\(kind).\(isLabels ? "labels" : "annotations")")
            for i in resources.indices { Transformers.merge(pairs, specs: specs, into: &resources[i].value) }
        case "NamespaceTransformer":
            try namespace(c, specs: specs, file: k.file, resources: &resources)
        case "ImageTagTransformer":
            synthetic.raw = ["images": .array([c["imageTag"] ?? .emptyObject])]
            synthetic.config.images = specs
            try Images.run(synthetic, resources: &resources)
        case "ReplicaCountTransformer":
            synthetic.raw = ["replicas": .array([c["replica"] ?? .emptyObject])]
            synthetic.config.replicas = specs
            try Transformers.replicas(synthetic, resources: &resources)
        case "ReplacementTransformer":
            synthetic.raw = ["replacements": c["replacements"] ?? .array([])]
            try Replacements.run(synthetic, builder: builder, resources: &resources)
        default:
            try runPatch(kind, c, k: k, builder: builder, resources: &resources)
        }
    }

    static func namespace(_ c: Value, specs: [FieldSpec], file: String, resources: inout [KResource]) throws {
        if c["unsetOnly"]?.boolValue == true || (c["setRoleBindingSubjects"]?.stringValue.map { $0 != "defaultOnly" } ?? false) {
            throw RenderError(file: file, message: "NamespaceTransformer: 'unsetOnly' and 'setRoleBindingSubjects' are not supported yet")
        }
        guard let namespace = c[path: ["metadata", "namespace"]]?.stringValue, !namespace.isEmpty else { return }
        for i in resources.indices { Transformers.setNamespace(namespace, specs: specs, on: &resources[i]) }
    }

    /// The patch transformers, through the `patches` machinery.
    static func runPatch(_ kind: String, _ c: Value, k: Kustomization, builder: Builder, resources: inout [KResource]) throws {
        var entry: Value = .emptyObject
        switch kind {
        case "PatchTransformer":
            for key in ["path", "patch", "target", "options"] where c[key] != nil { entry[key] = c[key] }
            try Patches.run(k.synthesized(["patches": .array([entry])]), builder: builder, resources: &resources)
        case "PatchStrategicMergeTransformer":
            var items = c["paths"]?.arrayValue ?? []
            if let inline = c["patches"], !inline.isNull { items.append(inline) }
            try Patches.run(k.synthesized(["patchesStrategicMerge": .array(items)]), builder: builder, resources: &resources)
        default: // PatchJson6902Transformer
            for key in ["path", "target"] where c[key] != nil { entry[key] = c[key] }
            if let op = c["jsonOp"] { entry["patch"] = op }
            try Patches.runJSON6902(k.synthesized(["patchesJson6902": .array([entry])]), builder: builder, resources: &resources)
        }
    }

    /// Refuses anything but the builtin kinds allowed in this field; returns the kind.
    static func check(_ config: Value, source: String, allowed: Set<String>, field: String, file: String) throws -> String {
        let apiVersion = config["apiVersion"]?.stringValue ?? ""
        let kind = config["kind"]?.stringValue ?? ""
        guard apiVersion == "builtin" else {
            throw RenderError(file: file, message: "\(field): plugin \(apiVersion)/\(kind) from \(source) is not supported (only builtin plugins run; exec, Go and KRM-function plugins do not)")
        }
        guard allowed.contains(kind) else {
            throw RenderError(file: file, message: "\(field): builtin plugin kind '\(kind)' from \(source) is not supported here (expected one of \(allowed.sorted().joined(separator: ", ")))")
        }
        return kind
    }

    /// The plugin configurations an entry list names, in order, with where each came from (for errors,
    /// and the tree path kustomize records as `configuredIn`).
    static func configs(_ k: Kustomization, field: String, builder: inout Builder, stack: [String]) throws -> [(Value, String, String)] {
        var out: [(Value, String, String)] = []
        let kustomizationPath = builder.kustomizationPath(k)
        for entry in try k.strings(field) {
            if let inline = try? YAML.parseAll(entry, file: k.file).map(\.value).filter({ !$0.isNull }),
               !inline.isEmpty, inline.allSatisfy({ $0.objectValue != nil }) {
                out += inline.map { ($0, "inline \(field) entry", kustomizationPath) }
                continue
            }
            let path = try k.resolve(entry)
            if !path.isEmpty, builder.tree[path] != nil {
                let (file, text) = try builder.file(entry, from: k, field: field)
                out += try YAML.parseAll(text, file: builder.display(file)).map(\.value).filter { !$0.isNull }
                    .map { ($0, builder.display(file), file) }
            } else if builder.isDirectory(path) {
                let built = try builder.build(directory: path, stack: stack)
                let dirKustomization = builder.kustomizationFile(in: path) ?? path
                out += built.resources.map { ($0.value, $0.origin, $0.sourceFile ?? dirKustomization) }
            } else {
                throw RenderError(file: k.file, message: "\(field): '\(entry)' is neither inline configuration nor a file or directory")
            }
        }
        return out
    }
}

extension Kustomization {
    /// A kustomization with the same file and directory holding only `fields` (to run one builtin
    /// plugin configuration through the code that handles the equivalent kustomization field).
    func synthesized(_ fields: [String: Value]) -> Kustomization {
        var copy = self
        var raw: Value = .emptyObject
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) { raw[key] = value }
        copy.raw = raw
        return copy
    }
}
