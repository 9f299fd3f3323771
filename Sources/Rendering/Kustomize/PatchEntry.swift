import FerryCore

/// One loaded kustomize patch: strategic-merge documents or JSON 6902 operations, with its target and
/// options, from `patches`, `patchesStrategicMerge` or `patchesJson6902`.
struct PatchEntry {
    enum Body {
        /// Strategic-merge patch documents (each a mapping with kind and metadata.name).
        case strategic([Value])
        /// A JSON 6902 operation list.
        case json6902(Value)
    }

    var body: Body
    var target: PatchTarget?
    var allowNameChange = false
    var allowKindChange = false
    /// From `patchesJson6902` (kustomize records no previous identity for those).
    var isLegacy = false
    /// Where the patch came from, for errors: `patches[0] (path: p.yaml)`.
    var source: String

    static let fields: Set<String> = ["path", "patch", "target", "options"]
    static let legacyJSONFields: Set<String> = ["path", "patch", "target", "op"]

    /// Reads `patches`, in order.
    static func patches(_ k: Kustomization, builder: Builder) throws -> [PatchEntry] {
        try k.list("patches").enumerated().map { index, entry in
            let field = "patches[\(index)]"
            guard case .object(let members) = entry else {
                throw RenderError(file: k.file, message: "'\(field)' must be a mapping, found a \(entry.typeName)")
            }
            for key in members.keys where !fields.contains(key) {
                throw RenderError(file: k.file, message: "unknown field '\(field).\(key)' (expected path, patch, target or options)")
            }
            let (text, source) = try PatchLoader.text(of: entry, field: field, k: k, builder: builder, trimInline: true)
            var patch = PatchEntry(body: try PatchLoader.body(text, source: source, k: k), source: source)
            if let target = entry["target"], !target.isNull {
                patch.target = try PatchTarget(target, field: "\(field).target", file: k.file)
            }
            try patch.readOptions(entry["options"], field: "\(field).options", file: k.file)
            if case .strategic(let documents) = patch.body, patch.target != nil, documents.count > 1 {
                throw RenderError(file: k.file, message: "\(source): a patch with a target must hold a single strategic-merge document, found \(documents.count)")
            }
            if case .json6902 = patch.body, patch.target == nil {
                throw RenderError(file: k.file, message: "\(source): a JSON 6902 patch needs a 'target'")
            }
            return patch
        }
    }

    /// Reads `patchesStrategicMerge`: each entry is inline YAML when it parses as resources, else a file path.
    static func strategicMerge(_ k: Kustomization, builder: Builder) throws -> [PatchEntry] {
        try k.strings("patchesStrategicMerge").enumerated().map { index, entry in
            let field = "patchesStrategicMerge[\(index)]"
            if let documents = PatchLoader.resources(entry), !documents.isEmpty {
                return PatchEntry(body: .strategic(documents), source: "\(field) (inline)")
            }
            let text = try PatchLoader.file(entry, field: field, k: k, builder: builder)
            let source = "\(field) (\(builder.display(try k.resolve(entry))))"
            guard let documents = PatchLoader.resources(text) else {
                throw RenderError(file: k.file, message: "\(source): not a strategic-merge patch (each document needs kind and metadata.name)")
            }
            return PatchEntry(body: .strategic(documents), source: source)
        }
    }

    /// Reads `patchesJson6902`: `target` (with a name) and `path` or `patch`.
    static func json6902(_ k: Kustomization, builder: Builder) throws -> [PatchEntry] {
        try k.list("patchesJson6902").enumerated().map { index, entry in
            let field = "patchesJson6902[\(index)]"
            guard case .object(let members) = entry else {
                throw RenderError(file: k.file, message: "'\(field)' must be a mapping, found a \(entry.typeName)")
            }
            for key in members.keys where !legacyJSONFields.contains(key) {
                throw RenderError(file: k.file, message: "unknown field '\(field).\(key)' (expected target, path or patch)")
            }
            guard let targetValue = entry["target"], !targetValue.isNull else {
                throw RenderError(file: k.file, message: "'\(field)' needs a 'target'")
            }
            let target = try PatchTarget(targetValue, field: "\(field).target", file: k.file)
            guard let name = targetValue["name"]?.stringValue, !name.isEmpty else {
                throw RenderError(file: k.file, message: "'\(field).target' must specify the target name")
            }
            let (text, source) = try PatchLoader.text(of: entry, field: field, k: k, builder: builder, trimInline: false)
            guard let operations = PatchLoader.operations(text) else {
                throw RenderError(file: k.file, message: "\(source): not a JSON 6902 patch (expected a list of operations)")
            }
            guard !(operations.arrayValue ?? []).isEmpty else {
                throw RenderError(file: k.file, message: "\(source): the patch is empty")
            }
            return PatchEntry(body: .json6902(operations), target: target, isLegacy: true, source: source)
        }
    }

    mutating func readOptions(_ value: Value?, field: String, file: String) throws {
        guard let value, !value.isNull else { return }
        guard case .object(let members) = value else {
            throw RenderError(file: file, message: "'\(field)' must be a mapping, found a \(value.typeName)")
        }
        for (key, v) in members {
            guard let flag = v.boolValue else {
                throw RenderError(file: file, message: "'\(field).\(key)' must be true or false, found a \(v.typeName)")
            }
            switch key {
            case "allowNameChange": allowNameChange = flag
            case "allowKindChange": allowKindChange = flag
            default: throw RenderError(file: file, message: "unknown option '\(field).\(key)' (expected allowNameChange or allowKindChange)")
            }
        }
    }
}
