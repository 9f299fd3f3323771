import FerryCore

/// The fields of one kustomization file that Ferry understands, read from its YAML.
struct Kustomization {
    /// Path of the kustomization file inside the tree (for error messages).
    var file: String
    /// Directory holding the file ("" for the tree root).
    var directory: String
    var raw: Value

    /// Fields Ferry renders today; anything else is refused by name rather than ignored.
    static let supportedFields: Set<String> = [
        "apiVersion", "kind", "resources", "bases", "namespace", "namePrefix", "nameSuffix",
        "commonLabels", "commonAnnotations", "labels", "images", "replicas",
        "configMapGenerator", "secretGenerator", "generatorOptions", "patches", "patchesJson6902",
        "sortOptions", "metadata",
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
        for key in members.keys where !Kustomization.supportedFields.contains(key) {
            throw RenderError(file: file, message: "kustomization field '\(key)' is not supported yet")
        }
        if let kind = value["kind"]?.stringValue, kind != "Kustomization" {
            throw RenderError(file: file, message: "kind '\(kind)' is not supported yet (expected Kustomization)")
        }
        if let sort = value["sortOptions"], sort["order"]?.stringValue != "legacy" || sort["legacySortOptions"] != nil {
            throw RenderError(file: file, message: "kustomization field 'sortOptions' is not supported yet (only order: legacy)")
        }
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
