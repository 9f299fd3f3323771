import FerryCore
import Foundation
import Testing
@testable import Rendering

@Suite struct DirectoryRendererTests {
    func tree(_ files: [String: String]) throws -> FileTree {
        var t = FileTree()
        for (path, text) in files { try t.add(path, Data(text.utf8)) }
        return t
    }

    @Test func rendersManifestFilesInPathOrderAndSkipsOthers() throws {
        let t = try tree([
            "b.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n",
            "a.yml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n",
            "README.md": "not yaml: [",
            "sub/c.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
        ])
        let result = try Renderer.render(tree: t)
        #expect(result.objects.map(\.name) == ["a", "s", "b"])
        let recursive = try Renderer.render(tree: t, options: RenderOptions(recurse: true))
        #expect(recursive.objects.map(\.name) == ["a", "s", "b", "c"])
    }

    @Test func badManifestNamesFileAndLine() throws {
        let t = try tree(["apps/web.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\nkind: Service\nmetadata:\n  name: x\n"])
        let sub = try t.subtree("apps")
        #expect(throws: DocumentError(file: "apps/web.yaml", line: 6, column: 1, message: "object has no apiVersion")) {
            try Renderer.render(tree: sub, options: RenderOptions(displayPath: "apps"))
        }
    }

    @Test func detectsKustomizeAndHelmRendersKustomizeAndRefusesHelmClearly() throws {
        let kustomize = try tree([
            "kustomization.yaml": "namePrefix: p-\nresources:\n- cm.yaml\n",
            "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
        ])
        #expect(Renderer.detect(kustomize) == .kustomize)
        let result = try Renderer.render(tree: kustomize)
        #expect(result.sourceType == .kustomize)
        #expect(result.objects.map(\.name) == ["p-a"])
        let missing = try tree(["kustomization.yaml": "resources:\n- gone.yaml\n"])
        #expect(throws: RenderError.self) { try Renderer.render(tree: missing, options: RenderOptions(displayPath: "apps/x")) }
        do { _ = try Renderer.render(tree: missing, options: RenderOptions(displayPath: "apps/x")) } catch let e as RenderError {
            #expect(e.file == "apps/x/kustomization.yaml")
            #expect(e.message.contains("gone.yaml"))
        }
        #expect(Renderer.detect(try tree(["Chart.yaml": "name: x\n"])) == .helm)
        #expect(throws: RenderError.self) { try Renderer.render(tree: try tree(["Chart.yaml": "name: x\n"])) }
    }

    @Test func duplicateObjectIsAnErrorNamingBothFiles() throws {
        let cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"
        do {
            _ = try Renderer.render(tree: try tree(["x.yaml": cm, "y.yaml": cm]))
            Issue.record("expected an error")
        } catch let e as RenderError {
            #expect(e.description.contains("y.yaml"))
            #expect(e.description.contains("x.yaml"))
        }
    }

    @Test func fileTreeRejectsEscapingPaths() {
        var t = FileTree()
        #expect(throws: FileTreeError.self) { try t.add("../etc/passwd", Data()) }
        #expect(throws: FileTreeError.self) { try t.add("/etc/passwd", Data()) }
        #expect(throws: FileTreeError.self) { try t.add("a/../../b", Data()) }
    }
}
