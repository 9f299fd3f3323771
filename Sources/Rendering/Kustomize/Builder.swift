import FerryCore
import Foundation

/// Walks kustomizations recursively, accumulating and transforming resources in kustomize's order:
/// resources, configurations, crds, generators, components, transformers, vars.
struct Builder {
    let tree: FileTree
    let displayPath: String
    /// The directory of the kustomization being rendered (origin annotations are relative to it).
    var root = ""
    /// Whether `buildMetadata: [originAnnotations]` asks for origins.
    var trackOrigins = false
    /// Whether `buildMetadata: [transformerAnnotations]` asks for the transformers that ran.
    var trackTransformations = false
    /// Warnings gathered on the way (deprecated fields), once per kustomization file.
    var diagnostics: [Diagnostic] = []
    /// The `openapi` schema choice, shared by every kustomization of the build.
    var openAPI = OpenAPISchemas()

    init(tree: FileTree, displayPath: String) {
        self.tree = tree
        self.displayPath = displayPath
    }

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

    /// Reads a file a kustomization names, which must lie in or below its directory (kustomize's
    /// default load restriction).
    func file(_ relative: String, from k: Kustomization, field: String) throws -> (path: String, text: String) {
        let path = try k.resolveFile(relative, field: field)
        return (path, try text(path, for: k.file))
    }

    /// The kustomization at the top, for its sort options and build metadata.
    mutating func topKustomization(_ directory: String) throws -> Kustomization? {
        root = directory
        guard let path = kustomizationFile(in: directory) else { return nil }
        return try Kustomization(file: display(path), directory: directory, text: try text(path, for: display(path)))
    }

    /// `path` relative to the rendered kustomization's directory, as kustomize writes origins.
    func relative(_ path: String) -> String {
        var from = root.split(separator: "/").map(String.init)
        var to = path.split(separator: "/").map(String.init)
        while let a = from.first, let b = to.first, a == b, to.count > 1 { from.removeFirst(); to.removeFirst() }
        return (Array(repeating: "..", count: from.count) + to).joined(separator: "/")
    }

    mutating func build(directory: String, stack: [String], into parent: Accumulator? = nil,
                        component: Bool = false) throws -> Accumulator {
        guard let path = kustomizationFile(in: directory) else {
            throw RenderError(file: display(directory.isEmpty ? "." : directory),
                              message: "no kustomization.yaml, kustomization.yml or Kustomization in directory")
        }
        let found = KustomizeRenderer.fileNames.filter { tree[directory.isEmpty ? $0 : "\(directory)/\($0)"] != nil }
        if found.count > 1 {
            throw RenderError(file: display(directory.isEmpty ? "." : directory), message: "found multiple kustomization files: \(found.joined(separator: ", "))")
        }
        if stack.contains(directory) {
            throw RenderError(file: display(path), message: "cycle detected: \((stack + [directory]).map { display($0.isEmpty ? "." : $0) }.joined(separator: " -> "))")
        }
        var k = try Kustomization(file: display(path), directory: directory, text: try text(path, for: display(path)))
        try openAPI.configure(k, builder: self)
        k.openAPI = openAPI
        try checkKind(k, component: component, parentFile: stack.isEmpty ? nil : stack.last)
        for message in k.deprecations where !diagnostics.contains(where: { $0.file == k.file && $0.message == message }) {
            diagnostics.append(Diagnostic(file: k.file, message: message))
        }
        let stack = stack + [directory]
        var accumulator = parent ?? Accumulator()
        // kustomize appends the deprecated `bases` after `resources`.
        for entry in try k.strings("resources") + k.strings("bases") {
            try accumulator.merge(try load(entry, from: k, stack: stack), file: k.file)
        }
        try mergeConfigurations(k, into: &accumulator)
        try generate(k, stack: stack, into: &accumulator)
        accumulator.invalidateIndex()
        for entry in try k.strings("components") {
            let dir = try k.resolve(entry)
            guard kustomizationFile(in: dir) != nil else {
                throw RenderError(file: k.file, message: "component '\(entry)' must be a directory holding a kustomization (kind: Component)")
            }
            accumulator = try build(directory: dir, stack: stack, into: accumulator, component: true)
        }
        k.config = accumulator.config
        try Transformers.run(k, builder: self, resources: &accumulator.resources)
        try Replacements.run(k, builder: self, resources: &accumulator.resources)
        if trackTransformations {
            let entries = try BuildMetadata.builtinTransformers(k).map {
                BuildMetadata.transformation(relative(kustomizationPath(k)), kind: $0)
            }
            for i in accumulator.resources.indices { accumulator.resources[i].transformations += entries }
        }
        try PluginConfigs.runTransformers(k, builder: &self, stack: stack, accumulator: &accumulator)
        accumulator.invalidateIndex()
        for v in try Vars.parse(k) { try accumulator.bind(v, file: k.file) }
        return accumulator
    }

    func checkKind(_ k: Kustomization, component: Bool, parentFile: String?) throws {
        let kind = try k.string("kind") ?? "Kustomization"
        if component && kind != "Component" {
            throw RenderError(file: k.file, message: "listed under 'components' but its kind is '\(kind)' (expected Component)")
        }
        if !component && kind == "Component" && parentFile != nil {
            throw RenderError(file: k.file, message: "a Component can only be listed under 'components', not under 'resources'")
        }
    }

    /// `configurations` and `crds`: field specs and name references that later transformers use.
    func mergeConfigurations(_ k: Kustomization, into accumulator: inout Accumulator) throws {
        for entry in try k.strings("configurations") {
            let (path, text) = try file(entry, from: k, field: "configurations")
            let config = try TransformerConfig(parsing: try YAML.parse(text, file: display(path)), file: display(path))
            try accumulator.config.merge(config, file: display(path))
        }
        for entry in try k.strings("crds") {
            let (path, text) = try file(entry, from: k, field: "crds")
            try accumulator.config.merge(try CRDReferences.config(text, file: display(path)), file: display(path))
        }
    }

    /// The builtin generators, then `generators:` plugin configurations; records origins when asked.
    mutating func generate(_ k: Kustomization, stack: [String], into accumulator: inout Accumulator) throws {
        let before = accumulator.resources.count
        try Generators.run(k, builder: self, resources: &accumulator.resources)
        if trackOrigins {
            for i in before..<accumulator.resources.count {
                let kind = accumulator.resources[i].kind == "Secret" ? "SecretGenerator" : "ConfigMapGenerator"
                accumulator.resources[i].originAnnotation = BuildMetadata.generatorOrigin(relative(kustomizationPath(k)), kind: kind)
            }
        }
        let beforeHelm = accumulator.resources.count
        accumulator.invalidateIndex()
        try HelmCharts.run(k, builder: &self, accumulator: &accumulator)
        if trackOrigins {
            let origin = BuildMetadata.generatorOrigin(relative(kustomizationPath(k)), kind: "HelmChartInflationGenerator")
            for i in beforeHelm..<accumulator.resources.count { accumulator.resources[i].originAnnotation = origin }
        }
        try PluginConfigs.runGenerators(k, builder: &self, stack: stack, accumulator: &accumulator)
    }

    func kustomizationPath(_ k: Kustomization) -> String {
        kustomizationFile(in: k.directory) ?? k.file
    }

    /// One `resources` entry: a manifest file, or a directory built as a base.
    mutating func load(_ entry: String, from k: Kustomization, stack: [String]) throws -> Accumulator {
        if entry.contains("://") || entry.hasPrefix("github.com/") || entry.hasPrefix("git@") {
            throw RenderError(file: k.file, message: "remote resource '\(entry)' is not supported yet")
        }
        let path = try k.resolve(entry)
        if !path.isEmpty, tree[path] != nil {
            let (path, text) = try file(entry, from: k, field: "resources")
            let origin = trackOrigins ? "path: \(relative(path))\n" : nil
            var loaded = Accumulator(config: TransformerConfig())
            loaded.resources = try Manifests.parse(text, file: display(path)).map {
                KResource(value: $0.value, names: [$0.name], needsHash: false, origin: display(path), sourceFile: path,
                          originAnnotation: origin)
            }
            return loaded
        }
        guard isDirectory(path) else {
            throw RenderError(file: k.file, message: "resource '\(entry)' not found (no file or directory \(display(path.isEmpty ? "." : path)))")
        }
        return try build(directory: path, stack: stack)
    }
}
