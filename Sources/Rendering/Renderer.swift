import FerryCore
import Foundation

/// The kind of source found at an application's path.
public enum SourceType: String, Sendable, Codable {
    /// A directory of plain YAML/JSON manifests.
    case directory = "Directory"
    /// A directory holding `kustomization.yaml` (rendered by a later release).
    case kustomize = "Kustomize"
    /// A directory holding `Chart.yaml`, rendered as `helm template` does.
    case helm = "Helm"
}

/// Parameters of a render.
public struct RenderOptions: Sendable {
    /// Descend into sub-directories of a plain-manifest directory (Argo CD's `directory.recurse`).
    public var recurse: Bool
    /// Prefix for file names in errors (e.g. the app path inside the repository).
    public var displayPath: String
    /// The source's directory inside the tree ("" = the root). The tree may hold more than the source
    /// (a whole repository), so a Kustomize overlay can reach bases such as `../base` within it.
    public var directory: String
    /// Argo CD's per-app Kustomize settings, applied to the source's kustomization before the build.
    public var kustomize: KustomizeOverrides?
    /// Helm parameters (release name, namespace, values…); nil renders a chart with `helm template`'s
    /// defaults (release `release-name`, namespace `default`), CRDs included.
    public var helm: HelmOptions?

    public init(recurse: Bool = false, displayPath: String = "", directory: String = "",
                kustomize: KustomizeOverrides? = nil) {
        self.recurse = recurse; self.displayPath = displayPath; self.directory = directory
        self.kustomize = kustomize
    }
}

/// A warning or note produced while rendering.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String
    public init(file: String, message: String) { self.file = file; self.message = message }
    public var description: String { "\(file): \(message)" }
}

/// The objects a source renders to, in a stable order, plus diagnostics.
public struct RenderResult: Sendable {
    public var sourceType: SourceType
    public var objects: [KubeObject]
    public var diagnostics: [Diagnostic]
}

/// A source type Ferry cannot render yet, or a source that is not renderable.
public struct RenderError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var message: String
    public init(file: String, message: String) { self.file = file; self.message = message }
    public var description: String { file.isEmpty ? message : "\(file): \(message)" }
}

/// Detects the source type of a file tree and renders it. Pure: reads only the tree it is handed.
public enum Renderer {
    /// Which renderer applies to the root of `tree`.
    public static func detect(_ tree: FileTree) -> SourceType {
        if tree["Chart.yaml"] != nil { return .helm }
        if ["kustomization.yaml", "kustomization.yml", "Kustomization"].contains(where: { tree[$0] != nil }) {
            return .kustomize
        }
        return .directory
    }

    /// Renders the tree. Throws `DocumentError` (file, line) for invalid manifests, `RenderError` otherwise.
    public static func render(tree: FileTree, options: RenderOptions = RenderOptions()) throws -> RenderResult {
        let source = try tree.subtree(options.directory)
        let type = detect(source)
        if let overrides = options.kustomize, !overrides.isEmpty, type != .kustomize {
            throw RenderError(file: join(options.displayPath, options.directory.isEmpty ? "." : options.directory),
                              message: "spec.source.kustomize is set, but the path holds no kustomization.yaml")
        }
        switch type {
        case .directory:
            return try DirectoryRenderer.render(tree: source, options: options)
        case .kustomize:
            let edited = try options.kustomize?.edit(tree, directory: options.directory, displayPath: options.displayPath) ?? tree
            return try KustomizeRenderer.render(tree: edited, directory: options.directory, displayPath: options.displayPath)
        case .helm:
            let helm = options.helm ?? HelmOptions(includeCRDs: true)
            return try HelmRenderer.render(tree: tree, directory: options.directory, options: helm,
                                           displayPath: options.displayPath)
        }
    }

    static func join(_ base: String, _ file: String) -> String {
        base.isEmpty || base == "." ? file : "\(base)/\(file)"
    }
}
