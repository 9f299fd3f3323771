import FerryCore

/// Reads patch text from an inline `patch:` or a `path:` file (with kustomize's load restrictions) and
/// decides whether it is a strategic-merge patch or a JSON 6902 patch.
enum PatchLoader {
    /// The patch text of an entry with `path` or `patch`, and a description of where it came from.
    static func text(of entry: Value, field: String, k: Kustomization, builder: Builder,
                     trimInline: Bool) throws -> (String, String) {
        let inline = try string(entry["patch"], "\(field).patch", k)
        let path = try string(entry["path"], "\(field).path", k)
        let text = trimInline ? inline?.trimmingCharacters(in: .whitespacesAndNewlines) : inline
        switch (text.flatMap { $0.isEmpty ? nil : $0 }, path.flatMap { $0.isEmpty ? nil : $0 }) {
        case (nil, nil):
            throw RenderError(file: k.file, message: "'\(field)' must specify one of patch and path")
        case (_?, _?):
            throw RenderError(file: k.file, message: "'\(field)': patch and path can't be set at the same time")
        case (let text?, nil):
            return (text, "\(field) (inline)")
        case (nil, let path?):
            let contents = try file(path, field: field, k: k, builder: builder)
            return (contents, "\(field) (\(builder.display(try k.resolve(path))))")
        }
    }

    private static func string(_ value: Value?, _ field: String, _ k: Kustomization) throws -> String? {
        guard let value, !value.isNull else { return nil }
        guard let s = value.stringValue else {
            throw RenderError(file: k.file, message: "'\(field)' must be a string, found a \(value.typeName)")
        }
        return s
    }

    /// Loads a patch file: relative to the kustomization, and (like kustomize's loader) never outside
    /// the kustomization's own directory.
    static func file(_ relative: String, field: String, k: Kustomization, builder: Builder) throws -> String {
        let path = try k.resolveFile(relative, field: field)
        guard builder.tree[path] != nil else {
            throw RenderError(file: k.file, message: "\(field): patch file '\(builder.display(path))' not found")
        }
        return try builder.text(path, for: k.file)
    }

    /// Strategic-merge patch or JSON 6902 patch: exactly one reading must succeed.
    static func body(_ text: String, source: String, k: Kustomization) throws -> PatchEntry.Body {
        let documents = resources(text)
        let operations = self.operations(text)
        switch (documents, operations) {
        case (let documents?, nil): return .strategic(documents)
        case (nil, let operations?): return .json6902(operations)
        case (_?, _?):
            throw RenderError(file: k.file, message: "\(source): the patch reads as both a strategic-merge and a JSON 6902 patch")
        case (nil, nil):
            throw RenderError(file: k.file, message: "\(source): unable to parse a strategic-merge or JSON 6902 patch (a strategic-merge document needs kind and metadata.name; a JSON 6902 patch is a list of operations)")
        }
    }

    /// The documents of `text` when every non-empty one is a mapping with a kind and a metadata.name
    /// (kustomize's reading of a strategic-merge patch), else nil.
    static func resources(_ text: String) -> [Value]? {
        guard let documents = try? YAML.parseAll(text, file: "patch") else { return nil }
        var out: [Value] = []
        for document in documents.map(\.value) {
            if document.isNull { continue }
            if case .object(let members) = document, members.isEmpty { continue }
            guard case .object = document, let kind = document["kind"]?.stringValue, !kind.isEmpty,
                  let name = document[path: ["metadata", "name"]]?.stringValue, !name.isEmpty else { return nil }
            out.append(document)
        }
        return out
    }

    /// The operation list of a JSON 6902 patch in JSON or YAML, else nil.
    static func operations(_ text: String) -> Value? {
        guard let value = try? YAML.parse(text, file: "patch"), case .array(let items) = value,
              items.allSatisfy({ if case .object = $0 { return true } else { return false } }) else { return nil }
        return value
    }
}
