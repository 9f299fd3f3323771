// # Helm — `helm template` in Ferry
//
// `HelmRenderer` renders a chart from a `FileTree` the way Helm v4's `helm template` does, on top of the
// GoTemplate engine and its Sprig library. The steps, one file each:
//
// 1. Load (`ChartLoader`, `ChartArchive`, `Gzip`): Chart.yaml (v1 with requirements.yaml, v2), values.yaml,
//    values.schema.json, templates/, crds/, subcharts under charts/ as directories or `.tgz` archives,
//    `.helmignore`. Every other file is what `.Files` reads; a chart never sees files outside itself.
// 2. Values (`HelmValues`, `StrVals`): values files, inline values, `--set-json`, `--set`, `--set-string`,
//    `--set-file` merged in Helm's order; numbers from YAML/JSON become float64 (`1000000` prints `1e+06`),
//    `--set` integers int64. Coalescing follows Helm v4.2: a user `null` deletes a default, chart-default
//    `null`s are dropped, globals flow down into subcharts, a subchart sees `.Values.<name>` of its parent.
// 3. Dependencies (`HelmDependencies`): aliases, `condition` (first boolean path wins) over `tags`,
//    `import-values` (`exports.X` strings and `child`/`parent` maps), missing subcharts are an error.
// 4. Schema (`HelmSchema`): values.schema.json of every chart, Helm v4's `- at '/path': message` report.
// 5. Templates (`HelmEngine`): one template set for the chart and its subcharts; `include`, `tpl`,
//    `required`, `fail`, offline `lookup` (an empty map); `missingkey=zero`, `<no value>` removed; `_*`
//    partials, NOTES.txt and library charts produce no output. `.Files` and `.Capabilities.APIVersions`
//    methods are rewritten to functions (`HelmMethodRewriter`), as are `$_ := set $d …` mutations.
// 6. Output (`ManifestSorter`, `HelmHook`): documents split as Helm splits them, in install order by kind,
//    hooks apart. `renderText` prints exactly what `helm template` prints; `render` returns objects for
//    Ferry, with pre/post-install/upgrade hooks annotated as PreSync/PostSync hooks and their weight as wave.
//
// Capabilities default to Helm v4's client-only set (Kubernetes v1.36.0 and the built-in group/versions);
// `kubeVersion`/`apiVersions` options change them, and Chart.yaml's `kubeVersion` constraint is checked.

import FerryCore
import Foundation
import GoTemplate
import OrderedCollections

/// What a Helm render produced, before it becomes objects or text.
public struct HelmRelease: Sendable {
    /// `crds/` files (when included): source path and raw text.
    public var crds: [(source: String, text: String)]
    /// The release manifest's documents in Helm's install order.
    public var manifests: [HelmManifest]
    /// Hook documents in Helm's order.
    public var hooks: [HelmManifest]
    /// The root chart's rendered NOTES.txt (never part of the output).
    public var notes: String
}

/// Renders Helm charts: `helm template` semantics on top of the GoTemplate engine.
public enum HelmRenderer {
    /// Renders the chart at `directory` of `tree` into objects for Ferry: CRDs (when included), the release's
    /// objects, then the hooks that take part in a sync, annotated with Ferry's sync phases and waves.
    public static func render(tree: FileTree, directory: String, options: HelmOptions, displayPath: String) throws -> RenderResult {
        let release = try renderRelease(tree: tree, directory: directory, options: options, displayPath: displayPath)
        var objects: [KubeObject] = []
        for crd in release.crds {
            objects += try Manifests.parse(crd.text, file: display(crd.source, displayPath))
        }
        // Manifests and hooks were parsed once already, to order them; their values are reused here.
        for manifest in release.manifests {
            objects += try Manifests.objects(in: manifest.value ?? .null, file: display(manifest.source, displayPath), line: 1)
        }
        var diagnostics: [Diagnostic] = []
        for manifest in release.hooks {
            for object in try Manifests.objects(in: manifest.value ?? .null, file: display(manifest.source, displayPath), line: 1) {
                if let hook = manifest.hook, let annotated = hook.annotate(object) {
                    objects.append(annotated)
                } else {
                    diagnostics.append(Diagnostic(file: display(manifest.source, displayPath),
                                                  message: "\(object.kind)/\(object.name): Helm hook \(manifest.hook?.events.joined(separator: ",") ?? "") is not run by a sync; skipped"))
                }
            }
        }
        return RenderResult(sourceType: .helm, objects: objects, diagnostics: diagnostics)
    }

    /// A template's name (`chart/templates/x.yaml`) as a path under the chart's directory for messages.
    static func display(_ source: String, _ displayPath: String) -> String {
        let relative = source.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? source
        return Renderer.join(displayPath, relative)
    }

    /// What `helm template` prints for the same chart and options.
    public static func renderText(tree: FileTree, directory: String, options: HelmOptions, displayPath: String) throws -> String {
        let release = try renderRelease(tree: tree, directory: directory, options: options, displayPath: displayPath,
                                    parsedDocuments: false)
        var manifest = ""
        for crd in release.crds { manifest += "---\n# Source: \(crd.source)\n\(crd.text)\n" }
        for m in release.manifests { manifest += "---\n# Source: \(m.source)\n\(m.content)\n" }
        var out = String(TextScan.trimmed(manifest)) + "\n"
        for hook in release.hooks { out += "---\n# Source: \(hook.source)\n\(hook.content)\n" }
        return out
    }

    /// Loads, computes values, renders templates and sorts the documents. With `parsedDocuments` false, the documents
    /// are checked and ordered but not kept parsed (`HelmManifest.value` is nil): for callers that use the text.
    public static func renderRelease(tree: FileTree, directory: String, options: HelmOptions, displayPath: String,
                                     parsedDocuments: Bool = true) throws -> HelmRelease {
        let source = try tree.subtree(directory)
        var chart = try ChartLoader.load(tree: source, displayPath: displayPath)
        PhaseTrace.mark("load chart")
        let chartFile = Renderer.join(displayPath, "Chart.yaml")
        let capabilities = try HelmCapabilities.value(options)
        try checkKubeVersion(chart, capabilities: capabilities, file: chartFile)
        let user = try HelmUserValues.merge(options, tree: tree, directory: directory)
        try HelmDependencies.checkPresent(chart, file: chartFile)
        HelmDependencies.processEnabled(&chart, values: user)
        HelmDependencies.processImports(&chart)
        let values = HelmValues.coalesce(chart: chart, user: user)
        try HelmSchema.validate(chart: chart, values: values)
        PhaseTrace.mark("values")
        let releaseValue: Value = [
            "Name": .string(options.releaseName), "Namespace": .string(options.namespace),
            "IsUpgrade": .bool(options.isUpgrade), "IsInstall": .bool(!options.isUpgrade),
            // `helm template` renders revision 1 with or without --is-upgrade (Helm's install action).
            "Revision": 1, "Service": "Helm",
        ]
        var engine = HelmEngine(release: releaseValue, capabilities: capabilities, sprig: sprigOptions(options.sprig))
        engine.parallel = options.sprig.seed == nil
        engine.freesParsedTemplates = !options.leavesParsedTemplatesToExit
        let rendered = try engine.render(chart: chart, values: values)
        PhaseTrace.mark("template outputs")
        var notes = ""
        var files: [(name: String, text: String)] = []
        for (name, text) in rendered {
            if name.hasSuffix("NOTES.txt") {
                if name == chart.name + "/templates/NOTES.txt" { notes = text }
                continue
            }
            files.append((name, text))
        }
        let (manifests, hooks) = try ManifestSorter.sort(files, values: parsedDocuments)
        PhaseTrace.mark("split and sort")
        let crds = options.includeCRDs && !options.skipCRDs ? crdFiles(chart, id: chart.name) : []
        return HelmRelease(crds: crds, manifests: manifests, hooks: hooks, notes: notes)
    }

    /// `crds/` of the chart and then of its subcharts.
    static func crdFiles(_ chart: Chart, id: String) -> [(source: String, text: String)] {
        var out = chart.crds.map { (source: id + "/" + $0.path, text: String(decoding: $0.data, as: UTF8.self)) }
        for sub in chart.dependencies { out += crdFiles(sub, id: id + "/charts/" + sub.name) }
        return out
    }

    static func checkKubeVersion(_ chart: Chart, capabilities: Value, file: String) throws {
        let constraint = chart.metadata.kubeVersion
        guard !constraint.isEmpty, let version = capabilities[path: ["KubeVersion", "Version"]]?.stringValue,
              let parsed = SemVer(version) else { return }
        if SemVer.satisfies(parsed, constraint) != true {
            throw RenderError(file: file, message: "chart requires kubeVersion: \(constraint) which is incompatible with Kubernetes \(version)")
        }
    }

    static func sprigOptions(_ settings: SprigSettings) -> SprigOptions {
        var options = SprigOptions()
        if let seed = settings.seed { options.random = SprigOptions.seededRandom(seed) }
        if let now = settings.now { options.clock = { now } }
        return options
    }
}

/// The user's values from all sources, merged in Helm's order: values files, inline values,
/// `--set-json`, `--set`, `--set-string`, `--set-file`.
enum HelmUserValues {
    static func merge(_ options: HelmOptions, tree: FileTree, directory: String) throws -> Value {
        var base: Value = .emptyObject
        for file in options.valueFiles {
            let path = try resolve(file, in: directory)
            guard let data = tree[path] else {
                if options.ignoreMissingValueFiles { continue }
                throw RenderError(file: path, message: "values file not found")
            }
            guard let text = String(data: data, encoding: .utf8) else { throw RenderError(file: path, message: "file is not valid UTF-8") }
            base = HelmValues.merge(base, try parseValues(text, file: file))
        }
        for text in options.valuesYAML { base = HelmValues.merge(base, try parseValues(text, file: "values")) }
        if options.values.objectValue?.isEmpty == false { base = HelmValues.merge(base, HelmValues.goTyped(options.values)) }
        for text in options.setJSON { base = try StrVals.parse(text, mode: .json, into: base) }
        for text in options.set { base = try StrVals.parse(text, mode: .typed, into: base) }
        for text in options.setString { base = try StrVals.parse(text, mode: .string, into: base) }
        for text in options.setFile {
            base = try StrVals.parse(text, mode: .file({ path in
                let clean = try resolve(path, in: directory)
                guard let data = tree[clean] else { throw RenderError(file: path, message: "file for --set-file not found") }
                return String(decoding: data, as: UTF8.self)
            }), into: base)
        }
        for text in options.setLiteral { base = try StrVals.parse(text, mode: .literal, into: base) }
        return base
    }

    /// A path relative to the chart directory (as Argo CD reads `valueFiles`), which may climb with `..`
    /// but never out of the tree.
    static func resolve(_ file: String, in directory: String) throws -> String {
        var parts = directory.split(separator: "/").map(String.init).filter { $0 != "." }
        for part in file.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard parts.popLast() != nil else { throw RenderError(file: file, message: "path escapes the repository") }
                continue
            }
            parts.append(String(part))
        }
        return try FileTree.validate(parts.joined(separator: "/"))
    }

    static func parseValues(_ text: String, file: String) throws -> Value {
        let value = HelmValues.goTyped(try YAML.parse(text, file: file, dialect: .yaml11))
        if value.isNull { return .emptyObject }
        guard case .object = value else { throw RenderError(file: file, message: "values must be a mapping, found a \(value.typeName)") }
        return value
    }
}
