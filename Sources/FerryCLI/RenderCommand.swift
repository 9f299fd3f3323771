import ArgumentParser
import FerryCore
import Foundation
import Rendering

/// `ferry render DIR`: renders a local directory the way Ferry would render an app's path, and prints
/// the objects as a YAML stream (or a JSON `List`). Diagnostics go to stderr. No server is involved.
public struct RenderCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render a local directory of manifests and print the result.")

    /// How `render` prints objects.
    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json }

    @Argument(help: "Directory to render.") var directory: String
    @Flag(help: "Include manifests in sub-directories.") var recurse = false
    @Option(name: [.short, .customLong("output")], help: "Output format: yaml (default) or json.") var output: Format = .yaml

    /// Creates the command.
    public init() {}

    /// Renders and prints.
    public func run() async throws {
        try await CommandRunner.run {
            let result = try Self.render(directory: directory, recurse: recurse)
            for diagnostic in result.diagnostics { CommandRunner.warn("warning: \(diagnostic)") }
            CommandRunner.write(Self.text(result.objects, format: output))
        }
    }

    /// Loads the directory and renders it.
    static func render(directory: String, recurse: Bool) throws -> RenderResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("\(directory): no such directory")
        }
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        let tree = try FileTree.load(directory: url)
        guard Renderer.detect(tree) == .kustomize, let root = enclosingRepository(of: url), root != url else {
            return try Renderer.render(tree: tree, options: RenderOptions(recurse: recurse, displayPath: directory))
        }
        // An overlay may use bases elsewhere in its repository (`../base`): load from the repository root.
        let relative = String(url.path.dropFirst(root.path.count + 1))
        let whole = try FileTree.load(directory: root)
        return try Renderer.render(tree: whole, options: RenderOptions(recurse: recurse, displayPath: directory,
                                                                        directory: relative))
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
