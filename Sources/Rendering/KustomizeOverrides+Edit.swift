import FerryCore
import Foundation

extension KustomizeOverrides {
    /// Returns `tree` with the kustomization in `directory` edited the way Argo CD edits it before a build
    /// (`kustomize edit set nameprefix|namesuffix|namespace|image|replicas`, `kustomize edit add label|annotation`).
    /// Errors name the Application field and the kustomization file.
    func edit(_ tree: FileTree, directory: String, displayPath: String) throws -> FileTree {
        guard !isEmpty else { return tree }
        let candidates = KustomizeRenderer.fileNames.map { directory.isEmpty ? $0 : "\(directory)/\($0)" }
        guard let path = candidates.first(where: { tree[$0] != nil }), let data = tree[path] else {
            throw RenderError(file: Renderer.join(displayPath, directory.isEmpty ? "kustomization.yaml" : "\(directory)/kustomization.yaml"),
                              message: "spec.source.kustomize is set, but the path holds no kustomization")
        }
        let file = Renderer.join(displayPath, path)
        var k = try YAML.parse(String(decoding: data, as: UTF8.self), file: file)
        if k.isNull { k = .emptyObject }
        guard case .object = k else { throw RenderError(file: file, message: "a kustomization must be a mapping") }
        if let namePrefix { k["namePrefix"] = .string(namePrefix) }
        if let nameSuffix { k["nameSuffix"] = .string(nameSuffix) }
        if let namespace { k["namespace"] = .string(namespace) }
        try add(commonLabels, to: &k, field: "commonLabels", force: forceCommonLabels ?? false, file: file)
        try add(commonAnnotations, to: &k, field: "commonAnnotations", force: forceCommonAnnotations ?? false, file: file)
        if let images, !images.isEmpty {
            let overrides = try images.map { try Self.parseImage($0) }
            k["images"] = .array(Self.replaceByName(k["images"]?.arrayValue ?? [], with: overrides))
        }
        if let replicas, !replicas.isEmpty {
            let entries: [Value] = replicas.map { ["name": .string($0.name), "count": .int(Int64($0.count))] }
            k["replicas"] = .array(Self.replaceByName(k["replicas"]?.arrayValue ?? [], with: entries))
        }
        var edited = tree
        do { try edited.add(path, Data(YAML.encode(k).utf8)) } catch let error as FileTreeError {
            throw RenderError(file: file, message: error.message)
        }
        return edited
    }

    /// Adds `pairs` to the map `field` (`kustomize edit add label|annotation`, with `--force` when `force`).
    private func add(_ pairs: [String: String]?, to k: inout Value, field: String, force: Bool, file: String) throws {
        guard let pairs, !pairs.isEmpty else { return }
        var map = k[field] ?? .emptyObject
        guard case .object = map else { throw RenderError(file: file, message: "'\(field)' must be a mapping") }
        for key in pairs.keys.sorted() {
            if map[key] != nil, !force {
                let what = field == "commonLabels" ? "label" : "annotation"
                let flag = field == "commonLabels" ? "forceCommonLabels" : "forceCommonAnnotations"
                throw RenderError(file: file, message: "spec.source.kustomize.\(field): \(what) '\(key)' is already in the kustomization; set spec.source.kustomize.\(flag) to replace it")
            }
            map[key] = .string(pairs[key] ?? "")
        }
        k[field] = map
    }

    /// Existing entries whose `name` is overridden are replaced; the result is sorted by name, as kustomize writes it.
    static func replaceByName(_ existing: [Value], with overrides: [Value]) -> [Value] {
        let names = Set(overrides.compactMap { $0["name"]?.stringValue })
        let kept = existing.filter { !names.contains($0["name"]?.stringValue ?? "") }
        return (kept + overrides).enumerated().sorted {
            let (a, b) = ($0.element["name"]?.stringValue ?? "", $1.element["name"]?.stringValue ?? "")
            return a == b ? $0.offset < $1.offset : a < b
        }.map(\.element)
    }

    /// Parses one image override in `kustomize edit set image` syntax into an `images` entry.
    static func parseImage(_ text: String) throws -> Value {
        let invalid = RenderError(file: "spec.source.kustomize.images", message: "invalid image '\(text)': use name=newName:tag, name=newName@digest, name=newName, name:tag or name@digest")
        var entry: Value = .emptyObject
        let parts = text.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
        let (name, rest, renames): (String?, String, Bool) = parts.count == 2 ? (parts[0], parts[1], true) : (nil, text, false)
        guard parts.count <= 2, !rest.isEmpty, name.map({ !$0.isEmpty }) ?? true else { throw invalid }
        var newName = rest, tag: String?, digest: String?
        if let at = rest.firstIndex(of: "@") {
            newName = String(rest[..<at]); digest = String(rest[rest.index(after: at)...])
        } else if let colon = rest.lastIndex(of: ":"), !rest[rest.index(after: colon)...].contains("/"),
                  rest[rest.index(after: colon)...].allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) {
            newName = String(rest[..<colon]); tag = String(rest[rest.index(after: colon)...])
        } else if !renames {
            throw invalid
        }
        guard !newName.isEmpty else { throw invalid }
        entry["name"] = .string(name ?? newName)
        if renames { entry["newName"] = .string(newName) }
        if let tag { entry["newTag"] = .string(tag) }
        if let digest { entry["digest"] = .string(digest) }
        return entry
    }
}

extension KustomizeOverrides {
    /// Checks the image and replica settings before an application is stored; errors name the Application
    /// field. (The namespace is checked with the other DNS labels by the controller's validator.)
    public func validate() throws {
        for image in images ?? [] { _ = try Self.parseImage(image) }
        for replica in replicas ?? [] where replica.name.isEmpty || replica.count < 0 {
            throw RenderError(file: "", message: "spec.source.kustomize.replicas: '\(replica.name)' needs a name and a count of 0 or more")
        }
    }
}
