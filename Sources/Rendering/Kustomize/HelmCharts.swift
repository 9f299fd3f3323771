import FerryCore

/// `helmCharts` (with `helmGlobals`) and `HelmChartInflationGenerator` entries under `generators:`: local
/// charts rendered by Ferry's own Helm engine (`HelmRenderer`) the way `kubectl kustomize --enable-helm`
/// renders them with `helm template`. Ferry runs no external binary, so no `--enable-helm` flag is needed
/// (Argo CD needs `kustomize.buildOptions: --enable-helm` for the same kustomization; Ferry renders it
/// either way). The deprecated `helmChartInflationGenerator` field is folded into `helmCharts` as kustomize
/// does (`HelmChartSpec.foldDeprecated`).
///
/// - The chart is `<chartHome>/<name>` (`chartHome` defaults to `charts`, relative to the kustomization);
///   with both `repo` and `version` set it is `<chartHome>/<name>-<version>/<name>`, where `helm pull` would
///   put it. A chart that is not there is an error: Ferry never pulls (commit the chart to the repository).
/// - Values: `valuesFile` (default: the chart's own `values.yaml`; it must lie in or below the kustomization
///   directory), combined with `valuesInline` per `valuesMerge` (`override`, the default: inline wins;
///   `merge`: the file wins; `replace`: inline only), then `additionalValuesFiles` in order.
/// - `releaseName` (default `release-name`: kustomize asks Helm to generate a random one, which a GitOps
///   render cannot reproduce), `namespace` (`.Release.Namespace`, default `default`; it does not set
///   `metadata.namespace`), `includeCRDs`, `skipHooks` (hooks are otherwise kept as plain objects),
///   `skipTests`, `apiVersions`, `kubeVersion`. `nameTemplate` is refused.
/// - The objects join the resources after `configMapGenerator`/`secretGenerator` output, and the
///   kustomization's transformers (namespace, prefixes, labels…) then apply to them.
enum HelmCharts {
    static let chartFields: Set<String> = [
        "name", "version", "repo", "digest", "releaseName", "namespace", "valuesFile", "valuesInline", "valuesMerge",
        "additionalValuesFiles", "includeCRDs", "skipHooks", "apiVersions", "kubeVersion", "nameTemplate",
        "skipTests", "debug", "devel",
    ]
    static let globalFields: Set<String> = ["chartHome", "configHome"]

    /// Renders every `helmCharts` entry of `k` with its `helmGlobals`, appending the objects (an object whose
    /// id is already present is an error, as in kustomize).
    static func run(_ k: Kustomization, builder: inout Builder, accumulator: inout Accumulator) throws {
        let charts = try k.list("helmCharts")
        guard !charts.isEmpty else { return }
        let globals = k.raw["helmGlobals"] ?? .emptyObject
        guard globals.isNull || globals.objectValue != nil else {
            throw RenderError(file: k.file, message: "'helmGlobals' must be a mapping, found a \(globals.typeName)")
        }
        for key in globals.objectValue?.keys ?? [] where !globalFields.contains(key) {
            throw RenderError(file: k.file, message: "helmGlobals: unknown field '\(key)'")
        }
        for (index, chart) in charts.enumerated() {
            let objects = try inflate(chart, globals: globals, field: "helmCharts[\(index)]", k: k, builder: &builder)
            try accumulator.append(objects, file: k.file)
        }
    }

    /// Renders one chart entry (`globals` supplies `chartHome`).
    static func inflate(_ entry: Value, globals: Value, field: String, k: Kustomization,
                        builder: inout Builder) throws -> [KResource] {
        let spec = try HelmChartSpec(entry, globals: globals, field: field, file: k.file)
        let chartDirectory = try locate(spec, k: k, builder: builder)
        let options = try helmOptions(spec, chartDirectory: chartDirectory, k: k, builder: &builder)
        let display = builder.display(chartDirectory)
        let release = try HelmRenderer.renderRelease(tree: builder.tree, directory: chartDirectory, options: options,
                                                     displayPath: display, parsedDocuments: false)
        var documents = release.crds.map { (source: $0.source, text: $0.text) }
        documents += release.manifests.map { (source: $0.source, text: $0.content) }
        if !spec.skipHooks {
            documents += release.hooks.filter { hook in
                !(spec.skipTests && (hook.hook?.events ?? []).contains { $0 == "test" || $0 == "test-success" })
            }.map { (source: $0.source, text: $0.content) }
        }
        var out: [KResource] = []
        for document in documents {
            let file = HelmRenderer.display(document.source, display)
            out += try Manifests.parse(document.text, file: file).map {
                KResource(value: $0.value, names: [$0.name], needsHash: false, origin: file, sourceFile: nil)
            }
        }
        return out
    }

    /// The chart's directory in the tree; an error when it is absent (Ferry does not `helm pull`).
    static func locate(_ spec: HelmChartSpec, k: Kustomization, builder: Builder) throws -> String {
        guard !spec.chartHome.hasPrefix("/") else {
            throw RenderError(file: k.file, message: "helmGlobals.chartHome: absolute path '\(spec.chartHome)' is not allowed")
        }
        var relative = spec.chartHome
        if !spec.version.isEmpty, !spec.repo.isEmpty { relative += "/\(spec.name)-\(spec.version)" }
        let directory = try k.resolve(relative + "/" + spec.name)
        guard builder.isDirectory(directory), !directory.isEmpty else {
            let shown = builder.display(directory)
            if spec.repo.isEmpty {
                throw RenderError(file: k.file, message: "\(spec.field): chart '\(spec.name)' not found at \(shown) and no repo to pull it from")
            }
            throw RenderError(file: k.file, message: "\(spec.field).repo: chart '\(spec.name)' is not present at \(shown) and Ferry does not pull charts from \(spec.repo); commit the chart there")
        }
        return directory
    }

    /// `helm template`'s options for the entry: values as kustomize prepares them, then the flags.
    static func helmOptions(_ spec: HelmChartSpec, chartDirectory: String, k: Kustomization,
                            builder: inout Builder) throws -> HelmOptions {
        if !spec.nameTemplate.isEmpty {
            throw RenderError(file: k.file, message: "\(spec.field).nameTemplate: release name templates are not supported; set releaseName")
        }
        let valuesPath = spec.valuesFile.isEmpty
            ? try k.resolveFile(Renderer.join(relativeToKustomization(chartDirectory, k), "values.yaml"), field: "\(spec.field).valuesFile")
            : try k.resolveFile(spec.valuesFile, field: "\(spec.field).valuesFile")
        var valuesText = try builder.text(valuesPath, for: k.file)
        if case .object(let inline) = spec.valuesInline, !inline.isEmpty {
            valuesText = try HelmValuesMerge.combine(file: valuesText, inline: spec.valuesInline, mode: spec.valuesMerge,
                                                     valuesFile: builder.display(valuesPath), field: spec.field, k: k)
        }
        var documents = [valuesText]
        for file in spec.additionalValuesFiles {
            documents.append(try builder.file(file, from: k, field: "\(spec.field).additionalValuesFiles").text)
        }
        if spec.releaseName.isEmpty {
            builder.diagnostics.append(Diagnostic(file: k.file, message: "\(spec.field): no releaseName; Ferry uses 'release-name' where kustomize lets Helm generate a random name"))
        }
        return HelmOptions(releaseName: spec.releaseName.isEmpty ? "release-name" : spec.releaseName,
                           namespace: spec.namespace.isEmpty ? "default" : spec.namespace, valuesYAML: documents,
                           kubeVersion: spec.kubeVersion.isEmpty ? nil : spec.kubeVersion, apiVersions: spec.apiVersions,
                           includeCRDs: spec.includeCRDs)
    }

    /// A tree path as a path relative to the kustomization's directory.
    static func relativeToKustomization(_ path: String, _ k: Kustomization) -> String {
        guard !k.directory.isEmpty else { return path }
        var from = k.directory.split(separator: "/").map(String.init)
        var to = path.split(separator: "/").map(String.init)
        while let a = from.first, let b = to.first, a == b { from.removeFirst(); to.removeFirst() }
        return (Array(repeating: "..", count: from.count) + to).joined(separator: "/")
    }
}
