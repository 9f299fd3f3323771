import FerryCore

/// The fields of one kustomization file that Ferry understands, read from its YAML.
struct Kustomization {
    /// Path of the kustomization file inside the tree (for error messages).
    var file: String
    /// Directory holding the file ("" for the tree root).
    var directory: String
    var raw: Value

    /// The field specs in effect while this kustomization's transformers run (defaults, `configurations`,
    /// `crds` and whatever its bases and components brought along).
    var config = TransformerConfig.defaults

    /// The build's `openapi` schema choice, which strategic-merge patches consult (shared by reference).
    var openAPI = OpenAPISchemas()

    /// Fields Ferry renders; anything else is refused by name rather than ignored.
    static let supportedFields: Set<String> = [
        "apiVersion", "kind", "resources", "bases", "components", "crds", "namespace", "namePrefix", "nameSuffix",
        "commonLabels", "commonAnnotations", "labels", "images", "replicas", "replacements", "vars",
        "configMapGenerator", "secretGenerator", "generatorOptions", "patches", "patchesJson6902",
        "patchesStrategicMerge",
        "configurations", "openapi", "sortOptions", "buildMetadata", "metadata",
        "transformers", "generators", "imageTags", "helmCharts", "helmGlobals",
    ]

    /// Warnings for deprecated fields, as kubectl prints them ("'vars' is deprecated…").
    var deprecations: [String] = []

    /// Deprecated fields and their replacements, in kustomize's order.
    static let deprecatedFields: [(String, String)] = [
        ("bases", "resources"), ("commonLabels", "labels"), ("imageTags", "images"),
        ("patchesJson6902", "patches"), ("patchesStrategicMerge", "patches"), ("vars", "replacements"),
    ]

    init(file: String, directory: String, text: String) throws {
        self.file = file
        self.directory = directory
        let value = try YAML.parse(text, file: file)
        guard case .object(let members) = value else {
            if value.isNull { self.raw = .emptyObject; return }
            throw RenderError(file: file, message: "a kustomization must be a mapping, found a \(value.typeName)")
        }
        self.raw = value
        deprecations = Kustomization.deprecatedFields.filter { members[$0.0] != nil }
            .map { "'\($0.0)' is deprecated; use '\($0.1)' instead" }
        // kustomize folds the deprecated `imageTags` into `images`.
        if let tags = value["imageTags"]?.arrayValue {
            raw["images"] = .array((value["images"]?.arrayValue ?? []) + tags)
            raw["imageTags"] = nil
        }
        try HelmChartSpec.foldDeprecated(&raw, file: file)
        for key in members.keys where !Kustomization.supportedFields.contains(key) && key != "helmChartInflationGenerator" {
            if key == "validators" {
                throw RenderError(file: file, message: "validators: validator plugins are not supported (they are exec or KRM-function plugins)")
            }
            throw RenderError(file: file, message: "kustomization field '\(key)' is not supported yet")
        }
        if let kind = value["kind"]?.stringValue, kind != "Kustomization", kind != "Component" {
            throw RenderError(file: file, message: "kind '\(kind)' is not supported (expected Kustomization or Component)")
        }
        try SortOptions.validate(value["sortOptions"], file: file)
        try BuildMetadata.validate(value["buildMetadata"], file: file)
        try OpenAPIField.validate(self)
    }

    func string(_ key: String) throws -> String? {
        guard let value = raw[key], !value.isNull else { return nil }
        guard let s = value.stringValue else {
            throw RenderError(file: file, message: "'\(key)' must be a string, found a \(value.typeName)")
        }
        return s
    }

    func strings(_ key: String) throws -> [String] {
        guard let value = raw[key], !value.isNull else { return [] }
        guard let items = value.arrayValue else {
            throw RenderError(file: file, message: "'\(key)' must be a list, found a \(value.typeName)")
        }
        return try items.map { item in
            guard let s = item.stringValue else {
                throw RenderError(file: file, message: "'\(key)' entries must be strings, found a \(item.typeName)")
            }
            return s
        }
    }

    func list(_ key: String) throws -> [Value] {
        guard let value = raw[key], !value.isNull else { return [] }
        guard let items = value.arrayValue else {
            throw RenderError(file: file, message: "'\(key)' must be a list, found a \(value.typeName)")
        }
        return items
    }

    /// A string-to-string map field (labels, annotations); non-string scalars keep their YAML text.
    func stringMap(_ value: Value?, field: String) throws -> [(String, String)] {
        guard let value, !value.isNull else { return [] }
        guard case .object(let members) = value else {
            throw RenderError(file: file, message: "'\(field)' must be a mapping, found a \(value.typeName)")
        }
        return try members.map { key, v in
            switch v {
            case .string(let s): return (key, s)
            case .int(let i): return (key, String(i))
            case .bool(let b): return (key, b ? "true" : "false")
            case .double(let d): return (key, YAML.formatFloat(d))
            default: throw RenderError(file: file, message: "'\(field).\(key)' must be a string, found a \(v.typeName)")
            }
        }
    }

    /// Resolves a file name and checks that the file lies in or below this kustomization's directory
    /// (kustomize's default load restriction; only directories of bases may be elsewhere).
    func resolveFile(_ relative: String, field: String) throws -> String {
        let path = try resolve(relative)
        let inside = directory.isEmpty || path.hasPrefix(directory + "/")
        guard inside, path != directory else {
            throw RenderError(file: file, message: "\(field): file '\(relative)' is not in or below the kustomization directory (security restriction)")
        }
        return path
    }

    /// Resolves `relative` against this kustomization's directory, staying inside the tree.
    func resolve(_ relative: String) throws -> String {
        guard !relative.hasPrefix("/") else {
            throw RenderError(file: file, message: "absolute path '\(relative)' is not allowed")
        }
        var parts = directory.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else {
                    throw RenderError(file: file, message: "path '\(relative)' leaves the source tree")
                }
                parts.removeLast()
                continue
            }
            parts.append(String(part))
        }
        return parts.joined(separator: "/")
    }
}
