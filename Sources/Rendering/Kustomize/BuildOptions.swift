import FerryCore

/// `sortOptions`: kustomize's output order, `legacy` (by kind, with optional `orderFirst`/`orderLast`
/// lists) or `fifo` (the order resources were accumulated). Without the field the order is legacy.
enum SortOptions {
    static func validate(_ value: Value?, file: String) throws {
        guard let value, !value.isNull else { return }
        guard case .object(let members) = value else {
            throw RenderError(file: file, message: "'sortOptions' must be a mapping, found a \(value.typeName)")
        }
        for key in members.keys where key != "order" && key != "legacySortOptions" {
            throw RenderError(file: file, message: "unknown field 'sortOptions.\(key)' (expected order, legacySortOptions)")
        }
        let order = value["order"]?.stringValue ?? ""
        guard order == "legacy" || order == "fifo" else {
            throw RenderError(file: file, message: "the field 'sortOptions.order' must be one of [fifo, legacy]")
        }
        if order == "fifo", let legacy = value["legacySortOptions"], !legacy.isNull {
            throw RenderError(file: file, message: "the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'")
        }
        for key in value["legacySortOptions"]?.objectValue?.keys ?? [] where key != "orderFirst" && key != "orderLast" {
            throw RenderError(file: file, message: "unknown field 'sortOptions.legacySortOptions.\(key)' (expected orderFirst, orderLast)")
        }
    }

    /// The resources in the order the top kustomization asks for.
    static func sort(_ resources: [KResource], k: Kustomization) throws -> [KResource] {
        guard let options = k.raw["sortOptions"], !options.isNull else { return LegacyOrder.sorted(resources) }
        if options["order"]?.stringValue == "fifo" { return resources }
        guard let legacy = options["legacySortOptions"], !legacy.isNull else { return LegacyOrder.sorted(resources) }
        func kinds(_ key: String) throws -> [String] {
            try (legacy[key]?.arrayValue ?? []).map {
                guard let s = $0.stringValue else {
                    throw RenderError(file: k.file, message: "'sortOptions.legacySortOptions.\(key)' entries must be kind names")
                }
                return s
            }
        }
        let ranks = LegacyOrder.ranks(first: try kinds("orderFirst"), last: try kinds("orderLast"))
        return LegacyOrder.sorted(resources, ranks: ranks)
    }
}

/// `buildMetadata`: `managedByLabel` (app.kubernetes.io/managed-by with kustomize's version as kubectl
/// reports it), `originAnnotations` (config.kubernetes.io/origin naming the file or generator) and
/// `transformerAnnotations` (alpha.config.kubernetes.io/transformations listing every transformer that
/// ran over the object).
enum BuildMetadata {
    static let managedByValue = "kustomize-(devel)"
    static let supported: Set<String> = ["managedByLabel", "originAnnotations", "transformerAnnotations"]

    static func validate(_ value: Value?, file: String) throws {
        guard let value, !value.isNull else { return }
        guard let items = value.arrayValue else {
            throw RenderError(file: file, message: "'buildMetadata' must be a list, found a \(value.typeName)")
        }
        for item in items {
            let option = item.stringValue ?? ""
            guard supported.contains(option) else {
                throw RenderError(file: file, message: "buildMetadata: unknown option '\(option)' (expected managedByLabel, originAnnotations or transformerAnnotations)")
            }
        }
    }

    static func generatorOrigin(_ kustomizationFile: String, kind: String, name: String? = nil) -> String {
        var text = "configuredIn: \(kustomizationFile)\nconfiguredBy:\n  apiVersion: builtin\n  kind: \(kind)\n"
        if let name, !name.isEmpty { text += "  name: \(name)\n" }
        return text
    }

    /// One entry of the transformations annotation.
    static func transformation(_ kustomizationFile: String, kind: String, name: String? = nil) -> String {
        var text = "- configuredIn: \(kustomizationFile)\n  configuredBy:\n    apiVersion: builtin\n    kind: \(kind)\n"
        if let name, !name.isEmpty { text += "    name: \(name)\n" }
        return text
    }

    /// The builtin transformers a kustomization configures, in kustomize's order (one per entry where
    /// kustomize makes one per entry).
    static func builtinTransformers(_ k: Kustomization) throws -> [String] {
        func count(_ key: String) throws -> Int { try k.list(key).count }
        func set(_ key: String) throws -> Bool { !(try k.string(key) ?? "").isEmpty }
        var kinds: [String] = []
        if try count("patchesStrategicMerge") > 0 { kinds.append("PatchStrategicMergeTransformer") }
        kinds += Array(repeating: "PatchTransformer", count: try count("patches"))
        if try set("namespace") { kinds.append("NamespaceTransformer") }
        if try set("namePrefix") { kinds.append("PrefixTransformer") }
        if try set("nameSuffix") { kinds.append("SuffixTransformer") }
        let labels = try count("labels")
        let commonLabels = k.raw["commonLabels"]?.objectValue?.count ?? 0
        if labels > 0 || commonLabels > 0 { kinds += Array(repeating: "LabelTransformer", count: labels + 1) }
        if (k.raw["commonAnnotations"]?.objectValue?.count ?? 0) > 0 { kinds.append("AnnotationsTransformer") }
        kinds += Array(repeating: "PatchJson6902Transformer", count: try count("patchesJson6902"))
        kinds += Array(repeating: "ReplicaCountTransformer", count: try count("replicas"))
        kinds += Array(repeating: "ImageTagTransformer", count: try count("images"))
        if try count("replacements") > 0 { kinds.append("ReplacementTransformer") }
        return kinds
    }

    static func apply(_ top: Kustomization, to resources: inout [KResource]) throws {
        let options = try top.strings("buildMetadata")
        for i in resources.indices {
            if options.contains("originAnnotations"), let origin = resources[i].originAnnotation {
                resources[i].value[path: ["metadata", "annotations", "config.kubernetes.io/origin"]] = .string(origin)
            }
            if options.contains("transformerAnnotations"), !resources[i].transformations.isEmpty {
                resources[i].value[path: ["metadata", "annotations", "alpha.config.kubernetes.io/transformations"]] =
                    .string(resources[i].transformations.joined())
            }
            if options.contains("managedByLabel") {
                resources[i].value[path: ["metadata", "labels", "app.kubernetes.io/managed-by"]] = .string(managedByValue)
            }
        }
    }
}
