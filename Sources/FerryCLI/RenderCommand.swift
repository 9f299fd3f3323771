import FerryCore
import Foundation
import Rendering

/// `ferry render DIR`: renders a local directory the way Ferry would render an app's path, and prints
/// the objects as a YAML stream (or a JSON `List`). Diagnostics go to stderr. No server is involved.
///
/// For a Helm chart (a directory with Chart.yaml) the YAML output is exactly what `helm template` prints
/// (`# Source:` comments, install order, hooks last), with `helm template`'s flags: `-f`, `--set`,
/// `--set-string`, `--set-json`, `--set-file`, `--release-name`, `--namespace`, `--kube-version`,
/// `--api-versions`, `--include-crds`.
public struct RenderCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render a local directory of manifests, a Kustomize overlay or a Helm chart and print the result.")

    /// How `render` prints objects.
    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json }

    @Argument(name: "directory", help: "Directory to render.") var directory: String
    @Flag(name: .customLong("recurse"), help: "Include manifests in sub-directories.") var recurse = false
    @Option(name: [.short, .customLong("output")], help: "Output format: yaml (default) or json.") var output: Format = .yaml
    @Option(name: [.customShort("f"), .customLong("values")], help: "Helm: a values file (repeatable).") var valueFiles: [String] = []
    @Option(name: .customLong("set"), help: "Helm: set values (a.b=c,list[0]=x; repeatable).") var set: [String] = []
    @Option(name: .customLong("set-string"), help: "Helm: set string values (repeatable).") var setString: [String] = []
    @Option(name: .customLong("set-json"), help: "Helm: set JSON values (repeatable).") var setJSON: [String] = []
    @Option(name: .customLong("set-file"), help: "Helm: set values from files, key=path (repeatable).") var setFile: [String] = []
    @Option(name: .customLong("release-name"), help: "Helm: the release name.") var releaseName = "release-name"
    @Option(name: [.short, .customLong("namespace")], help: "Helm: the release namespace.") var namespace = "default"
    @Option(name: .customLong("kube-version"), help: "Helm: the Kubernetes version for .Capabilities.") var kubeVersion: String?
    @Option(name: [.short, .customLong("api-versions")], help: "Helm: extra API versions for .Capabilities (repeatable).")
    var apiVersions: [String] = []
    @Flag(name: .customLong("include-crds"), help: "Helm: include the chart's crds/ in the output.") var includeCRDs = false

    /// Creates the command.
    public init() {}

    /// Renders and prints.
    public func run() async throws {
        PhaseTrace.mark("parse arguments")
        try await CommandRunner.run {
            if output == .yaml, Self.isChart(directory) {
                let text = try Self.helmTemplate(directory: directory, options: try Self.resolved(helmOptions()))
                PhaseTrace.mark("output text")
                CommandRunner.write(text)
                PhaseTrace.mark("write")
                return
            }
            let helm = Self.isChart(directory) ? try Self.resolved(helmOptions()) : nil
            let result = try Self.render(directory: directory, recurse: recurse, helm: helm)
            for diagnostic in result.diagnostics { CommandRunner.warn("warning: \(diagnostic)") }
            CommandRunner.write(Self.text(result.objects, format: output))
        }
    }

    /// Loads the directory and renders it.
    static func render(directory: String, recurse: Bool, helm: HelmOptions? = nil) throws -> RenderResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("\(directory): no such directory")
        }
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        let tree = try FileTree.load(directory: url)
        guard Renderer.detect(tree) == .kustomize, let root = enclosingRepository(of: url), root != url else {
            var options = RenderOptions(recurse: recurse, displayPath: directory)
            options.helm = helm
            return try Renderer.render(tree: tree, options: options)
        }
        // An overlay may use bases elsewhere in its repository (`../base`): load from the repository root.
        let relative = String(url.path.dropFirst(root.path.count + 1))
        let whole = try FileTree.load(directory: root)
        return try Renderer.render(tree: whole, options: RenderOptions(recurse: recurse,
                                                                        displayPath: rootDisplay(directory, relative: relative, root: root),
                                                                        directory: relative))
    }

    /// How to name the repository root in messages: the typed path minus the part inside the repository.
    static func rootDisplay(_ typed: String, relative: String, root: URL) -> String {
        var typed = typed
        while typed.count > 1, typed.hasSuffix("/") { typed.removeLast() }
        guard typed == relative || typed.hasSuffix("/" + relative) else { return root.path }
        let prefix = String(typed.dropLast(relative.count))
        return prefix.isEmpty ? "" : String(prefix.dropLast())
    }

    /// The Helm options from the command line; value and `--set-file` paths are read relative to the working
    /// directory (the chart tree is loaded from `/` for them, confined to the files named).
    func helmOptions() -> HelmOptions {
        HelmOptions(releaseName: releaseName, namespace: namespace, valueFiles: valueFiles, setJSON: setJSON, set: set,
                    setString: setString, setFile: setFile, kubeVersion: kubeVersion,
                    apiVersions: apiVersions, includeCRDs: includeCRDs)
    }

    /// True when `directory` holds a Helm chart.
    static func isChart(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.isEmpty ? "Chart.yaml"
                                           : directory.hasSuffix("/") ? directory + "Chart.yaml" : directory + "/Chart.yaml")
    }

    /// What `helm template` prints for the chart at `directory`.
    static func helmTemplate(directory: String, options: HelmOptions) throws -> String {
        let tree = try FileTree.load(path: directory)
        PhaseTrace.mark("read files")
        var options = options
        options.leavesParsedTemplatesToExit = true  // the process exits once the text is written
        return try HelmRenderer.renderText(tree: tree, directory: "", options: options, displayPath: directory)
    }

    /// Reads `-f` and `--set-file` files from the local disk (as helm does) and hands them over inline.
    static func resolved(_ options: HelmOptions) throws -> HelmOptions {
        var out = options
        out.valueFiles = []
        out.setFile = []
        for file in options.valueFiles {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw CLIError("open \(file): no such file or directory")
            }
            out.valuesYAML.append(text)
        }
        for expression in options.setFile {
            guard let equals = expression.firstIndex(of: "=") else { throw CLIError("--set-file \(expression): expected key=path") }
            let path = String(expression[expression.index(after: equals)...])
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CLIError("open \(path): no such file or directory")
            }
            out.setLiteral.append(String(expression[..<equals]) + "=" + text)
        }
        return out
    }

    /// The nearest directory at or above `url` holding `.git`.
    static func enclosingRepository(of url: URL) -> URL? {
        var current = url
        while current.path != "/" {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent(".git").path) { return current }
            current = current.deletingLastPathComponent().standardizedFileURL
        }
        return nil
    }

    /// The objects as a `---`-separated YAML stream, or a pretty JSON `v1 List`.
    static func text(_ objects: [KubeObject], format: Format) -> String {
        switch format {
        case .yaml:
            return YAML.encodeStream(objects.map(\.value))
        case .json:
            let list: Value = ["apiVersion": "v1", "kind": "List", "items": .array(objects.map(\.value))]
            return JSON.encodePretty(list) + "\n"
        }
    }
}
