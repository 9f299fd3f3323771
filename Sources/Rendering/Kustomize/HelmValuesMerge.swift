import FerryCore

/// `valuesMerge`: how kustomize combines a chart entry's values file with `valuesInline` before handing
/// the result to Helm as one values file. `override` and `merge` use kyaml's merge (the winning side's
/// mappings merge key by key, its lists and scalars replace, its `null` deletes the key; a mapping against
/// a scalar or list is an error); `override` lets inline values win, `merge` lets the file win;
/// `replace` uses the inline values alone.
enum HelmValuesMerge {
    /// The values document for Helm.
    static func combine(file text: String, inline: Value, mode: String, valuesFile: String, field: String,
                        k: Kustomization) throws -> String {
        guard mode != "replace" else { return YAML.encode(inline) }
        var fileValues = try YAML.parse(text, file: valuesFile)
        if fileValues.isNull { fileValues = .emptyObject }
        guard fileValues.objectValue != nil else {
            throw RenderError(file: valuesFile, message: "values must be a mapping, found a \(fileValues.typeName)")
        }
        let (winner, loser) = mode == "merge" ? (fileValues, inline) : (inline, fileValues)
        var path: [String] = []
        let merged = try merge(winner, into: loser, path: &path, file: k.file, field: field)
        return YAML.encode(merged)
    }

    /// `src` merged into `dest`, `src` winning.
    static func merge(_ src: Value, into dest: Value, path: inout [String], file: String, field: String) throws -> Value {
        if dest.isNull { return src }
        switch (src, dest) {
        case (.object(let s), .object):
            var out = dest
            for (key, value) in s {
                path.append(key)
                defer { path.removeLast() }
                if value.isNull { out[key] = nil; continue }
                guard let existing = out[key] else { out[key] = value; continue }
                out[key] = try merge(value, into: existing, path: &path, file: file, field: field)
            }
            return out
        case (.object, _), (_, .object):
            throw RenderError(file: file, message: "\(field).valuesInline: cannot merge '\(path.joined(separator: "."))': one side is a mapping, the other a \(src.objectValue == nil ? src.typeName : dest.typeName) (valuesMerge)")
        default:
            return src
        }
    }
}
