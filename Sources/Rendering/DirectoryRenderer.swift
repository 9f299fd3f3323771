import FerryCore
import Foundation

/// Renders a directory of plain manifests: every `.yaml`, `.yml` and `.json` file, in path order.
enum DirectoryRenderer {
    static let manifestExtensions = [".yaml", ".yml", ".json"]

    static func render(tree: FileTree, options: RenderOptions) throws -> RenderResult {
        var objects: [KubeObject] = []
        var diagnostics: [Diagnostic] = []
        var seen: [ResourceKey: String] = [:]
        for path in tree.paths where isManifest(path, recurse: options.recurse) {
            let display = Renderer.join(options.displayPath, path)
            guard let data = tree[path], let text = String(data: data, encoding: .utf8) else {
                throw DocumentError(file: display, line: 1, column: 1, message: "file is not valid UTF-8")
            }
            for object in try Manifests.parse(text, file: display) {
                if let first = seen[object.key], !object.name.isEmpty {
                    throw RenderError(file: display, message: "\(object.key) is also defined in \(first)")
                }
                seen[object.key] = display
                objects.append(object)
            }
        }
        if objects.isEmpty {
            diagnostics.append(Diagnostic(file: options.displayPath.isEmpty ? "." : options.displayPath,
                                          message: "no manifests found"))
        }
        return RenderResult(sourceType: .directory, objects: objects, diagnostics: diagnostics)
    }

    static func isManifest(_ path: String, recurse: Bool) -> Bool {
        if !recurse && path.contains("/") { return false }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasPrefix(".") { return false }
        return manifestExtensions.contains { name.lowercased().hasSuffix($0) }
    }
}
