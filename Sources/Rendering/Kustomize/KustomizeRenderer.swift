import FerryCore
import Foundation

/// One object while a kustomization is being built: its value plus what kustomize tracks beside it.
struct KResource {
    var value: Value
    /// Every name the object has had, oldest first (to rewrite references after prefixes and hashes).
    var names: [String]
    /// Generated ConfigMap/Secret whose name gets kustomize's content-hash suffix at the end.
    var needsHash: Bool
    /// The file that produced it (for error messages).
    var origin: String

    var kind: String { value["kind"]?.stringValue ?? "" }
    var name: String { value[path: ["metadata", "name"]]?.stringValue ?? "" }
    var namespace: String { value[path: ["metadata", "namespace"]]?.stringValue ?? "" }
    var apiVersion: String { value["apiVersion"]?.stringValue ?? "" }

    /// Identity used to detect duplicates and to match generators: group, kind, namespace, name.
    var id: String { "\(KubeObject(value).gvk.group)|\(kind)|\(namespace)|\(name)" }

    mutating func rename(_ newName: String) {
        value[path: ["metadata", "name"]] = .string(newName)
        if names.last != newName { names.append(newName) }
    }
}

/// Renders a kustomization natively, the way `kubectl kustomize` (kustomize v5) does.
/// Pure: reads only the `FileTree` it is given.
public enum KustomizeRenderer {
    /// File names kustomize recognises, in its order of preference.
    static let fileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// Renders the kustomization in `directory` ("" for the root) of `tree`. Bases elsewhere in the tree
    /// (`../base`) are allowed; nothing outside the tree is. `displayPath` prefixes file names in errors.
    public static func render(tree: FileTree, directory: String = "", displayPath: String = "") throws -> RenderResult {
        var builder = Builder(tree: tree, displayPath: displayPath)
        var resources = try builder.build(directory: try normalise(directory, displayPath: displayPath), stack: [])
        try finish(&resources)
        let objects = resources.map { KubeObject(LegacyOrder.sortedKeys($0.value)) }
        return RenderResult(sourceType: .kustomize, objects: objects, diagnostics: [])
    }

    /// The last steps kustomize runs once, at the top: hash suffixes, reference fixing, legacy sort.
    static func finish(_ resources: inout [KResource]) throws {
        for i in resources.indices where resources[i].needsHash {
            let hash = KustomizeHasher.hash(resources[i].value)
            resources[i].rename("\(resources[i].name)-\(hash)")
        }
        NameReferences.fix(&resources)
        resources = LegacyOrder.sorted(resources)
    }

    static func normalise(_ directory: String, displayPath: String) throws -> String {
        if directory.isEmpty || directory == "." { return "" }
        do { return try FileTree.validate(directory) } catch let error as FileTreeError {
            throw RenderError(file: Renderer.join(displayPath, directory), message: error.message)
        }
    }
}

/// Walks kustomizations recursively, accumulating and transforming resources.
struct Builder {
    let tree: FileTree
    let displayPath: String

    func display(_ path: String) -> String { Renderer.join(displayPath, path) }

    func isDirectory(_ path: String) -> Bool {
        let prefix = path.isEmpty ? "" : path + "/"
        return tree.files.keys.contains { $0.hasPrefix(prefix) }
    }

    func kustomizationFile(in directory: String) -> String? {
        KustomizeRenderer.fileNames.map { directory.isEmpty ? $0 : "\(directory)/\($0)" }.first { tree[$0] != nil }
    }

    func text(_ path: String, for file: String) throws -> String {
        guard let data = tree[path] else {
            throw RenderError(file: file, message: "file '\(display(path))' not found")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RenderError(file: display(path), message: "file is not valid UTF-8")
        }
        return text
    }

    mutating func build(directory: String, stack: [String]) throws -> [KResource] {
        guard let path = kustomizationFile(in: directory) else {
            throw RenderError(file: display(directory.isEmpty ? "." : directory),
                              message: "no kustomization.yaml, kustomization.yml or Kustomization in directory")
        }
        if stack.contains(directory) {
            throw RenderError(file: display(path), message: "cycle detected: \((stack + [directory]).map { display($0.isEmpty ? "." : $0) }.joined(separator: " -> "))")
        }
        let k = try Kustomization(file: display(path), directory: directory, text: try text(path, for: display(path)))
        var resources: [KResource] = []
        var origins: [String: String] = [:]   // resource id → where it came from (duplicate check)
        for entry in try k.strings("bases") + k.strings("resources") {
            for resource in try load(entry, from: k, stack: stack + [directory]) {
                try append(resource, to: &resources, origins: &origins, file: k.file)
            }
        }
        try Generators.run(k, builder: self, resources: &resources)
        try Transformers.run(k, resources: &resources)
        return resources
    }

    func append(_ resource: KResource, to resources: inout [KResource], origins: inout [String: String],
                file: String) throws {
        let id = resource.id
        if let other = origins[id] {
            throw RenderError(file: file, message: "\(resource.kind) '\(resource.name)' from \(resource.origin) is already defined by \(other)")
        }
        origins[id] = resource.origin
        resources.append(resource)
    }

    mutating func load(_ entry: String, from k: Kustomization, stack: [String]) throws -> [KResource] {
        if entry.contains("://") || entry.hasPrefix("github.com/") || entry.hasPrefix("git@") {
            throw RenderError(file: k.file, message: "remote resource '\(entry)' is not supported yet")
        }
        let path = try k.resolve(entry)
        if !path.isEmpty, tree[path] != nil {
            let text = try text(path, for: k.file)
            return try Manifests.parse(text, file: display(path)).map {
                KResource(value: $0.value, names: [$0.name], needsHash: false, origin: display(path))
            }
        }
        guard isDirectory(path) else {
            throw RenderError(file: k.file, message: "resource '\(entry)' not found (no file or directory \(display(path.isEmpty ? "." : path)))")
        }
        return try build(directory: path, stack: stack)
    }
}
