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
        let tree = try FileTree.load(directory: URL(fileURLWithPath: directory))
        return try Renderer.render(tree: tree, options: RenderOptions(recurse: recurse, displayPath: directory))
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
