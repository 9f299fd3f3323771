import FerryCore
import Foundation

/// An earlier identity of a resource (kustomize's "previous id"), recorded before a rename or a namespace change.
struct PreviousID: Sendable, Equatable {
    var kind: String
    var name: String
    /// The effective namespace ("default" for an unset one, "" for cluster-scoped kinds).
    var namespace: String
}

/// One object while a kustomization is being built: its value plus what kustomize tracks beside it.
struct KResource {
    var value: Value
    /// Every name the object has had, oldest first (to rewrite references after prefixes and hashes).
    var names: [String]
    /// Generated ConfigMap/Secret whose name gets kustomize's content-hash suffix at the end.
    var needsHash: Bool
    /// The file that produced it (for error messages).
    var origin: String
    /// The tree path of the manifest file it was read from (nil for generated objects).
    var sourceFile: String?
    /// Identities before each rename or namespace change, oldest first.
    var previousIDs: [PreviousID] = []
    /// Name prefixes and suffixes applied so far, in order (name references prefer equal ones).
    var prefixes: [String] = []
    var suffixes: [String] = []
    /// `vars` bound to this object.
    var varNames: [String] = []
    /// kustomize's `config.kubernetes.io/origin` text, kept for `buildMetadata: [originAnnotations]`.
    var originAnnotation: String?
    /// Entries of kustomize's transformations annotation, kept for `buildMetadata: [transformerAnnotations]`.
    var transformations: [String] = []

    var kind: String { value["kind"]?.stringValue ?? "" }
    var name: String { value[path: ["metadata", "name"]]?.stringValue ?? "" }
    var namespace: String { value[path: ["metadata", "namespace"]]?.stringValue ?? "" }
    var apiVersion: String { value["apiVersion"]?.stringValue ?? "" }

    /// Identity used to detect duplicates and to match generators: group, kind, namespace, name.
    var id: String { "\(KubeObject(value).gvk.group)|\(kind)|\(namespace)|\(name)" }

    var isClusterScoped: Bool { DefaultFieldSpecs.clusterScopedKinds.contains(kind) }

    /// The namespace kustomize compares: "default" when unset, "" for cluster-scoped kinds.
    var effectiveNamespace: String {
        isClusterScoped ? "" : (namespace.isEmpty ? "default" : namespace)
    }

    /// The current identity followed by the earlier ones.
    var allIDs: [PreviousID] { [PreviousID(kind: kind, name: name, namespace: effectiveNamespace)] + previousIDs }

    /// The identity it was loaded with.
    var originalNamespace: String { previousIDs.first?.namespace ?? effectiveNamespace }

    mutating func storePreviousID() {
        previousIDs.append(PreviousID(kind: kind, name: name, namespace: effectiveNamespace))
    }

    mutating func rename(_ newName: String) {
        storePreviousID()
        value[path: ["metadata", "name"]] = .string(newName)
        if names.last != newName { names.append(newName) }
    }
}

/// Resources plus the configuration and vars gathered while building one kustomization (kustomize's
/// `ResAccumulator`).
struct Accumulator {
    var resources: [KResource] = []
    var config = TransformerConfig.defaults
    var vars: [Var] = []
    /// Resource id → origin, for the duplicate check; rebuilt when stale (see `invalidateIndex`).
    private var index: [String: String] = [:]
    private var indexValid = false

    init(config: TransformerConfig = .defaults) { self.config = config }

    /// Marks the duplicate-check index stale (after anything that may rename or add resources).
    mutating func invalidateIndex() { indexValid = false }

    /// Appends resources, refusing an id that is already present.
    mutating func append(_ incoming: [KResource], file: String) throws {
        if !indexValid || index.count != resources.count {
            index = [:]
            for resource in resources { index[resource.id] = resource.origin }
            indexValid = true
        }
        for resource in incoming {
            let id = resource.id
            if let other = index[id] {
                throw RenderError(file: file, message: "\(resource.kind) '\(resource.name)' from \(resource.origin) is already defined by \(other)")
            }
            index[id] = resource.origin
            resources.append(resource)
        }
    }

    /// Takes in a base's result: its resources, configuration and vars.
    mutating func merge(_ other: Accumulator, file: String) throws {
        try append(other.resources, file: file)
        try config.merge(other.config, file: file)
        for v in other.vars { try addVar(v, file: file) }
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
        let root = try normalise(directory, displayPath: displayPath)
        let metadata = try builder.topKustomization(root)?.strings("buildMetadata") ?? []
        builder.trackOrigins = metadata.contains("originAnnotations")
        builder.trackTransformations = metadata.contains("transformerAnnotations")
        var accumulator = try builder.build(directory: root, stack: [])
        let top = try builder.topKustomization(root)
        try finish(&accumulator, top: top)
        let objects = accumulator.resources.map { KubeObject(LegacyOrder.sortedKeys($0.value)) }
        return RenderResult(sourceType: .kustomize, objects: objects, diagnostics: builder.diagnostics)
    }

    /// The last steps kustomize runs once, at the top: hash suffixes, reference fixing, vars, local-config
    /// removal, sorting and build metadata.
    static func finish(_ accumulator: inout Accumulator, top: Kustomization?) throws {
        for i in accumulator.resources.indices where accumulator.resources[i].needsHash {
            let hash = KustomizeHasher.hash(accumulator.resources[i].value)
            accumulator.resources[i].rename("\(accumulator.resources[i].name)-\(hash)")
        }
        let file = top?.file ?? "kustomization.yaml"
        try NameReferences.fix(&accumulator.resources, config: accumulator.config.nameReference, file: file)
        try Vars.resolve(&accumulator, file: file)
        accumulator.resources.removeAll {
            $0.value[path: ["metadata", "annotations", "config.kubernetes.io/local-config"]]?.stringValue == "true"
        }
        if let top {
            accumulator.resources = try SortOptions.sort(accumulator.resources, k: top)
            try BuildMetadata.apply(top, to: &accumulator.resources)
        } else {
            accumulator.resources = LegacyOrder.sorted(accumulator.resources)
        }
    }

    static func normalise(_ directory: String, displayPath: String) throws -> String {
        if directory.isEmpty || directory == "." { return "" }
        do { return try FileTree.validate(directory) } catch let error as FileTreeError {
            throw RenderError(file: Renderer.join(displayPath, directory), message: error.message)
        }
    }
}
