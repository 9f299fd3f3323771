import Foundation
import Testing
@testable import FerryCore

/// `FileTree.load(directory:)`, which `ferry render DIR` uses: a real directory on disk with nested files, a
/// hidden directory, and symlinks that stay inside or leave it.
struct FileTreeLoadTests {
    /// A fresh directory holding `files` (relative path → text); removed by the caller.
    static func directory(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-filetree-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func readsNestedFilesAndSkipsHiddenDirectories() throws {
        let root = try Self.directory(["Chart.yaml": "name: a", "templates/cm.yaml": "kind: ConfigMap",
                                       "templates/sub/x.tpl": "{{ . }}", ".git/config": "secret", ".helmignore": "*.bak"])
        defer { try? FileManager.default.removeItem(at: root) }
        let tree = try FileTree.load(directory: root)
        #expect(tree.paths == [".helmignore", "Chart.yaml", "templates/cm.yaml", "templates/sub/x.tpl"])
        #expect(tree["templates/sub/x.tpl"] == Data("{{ . }}".utf8))
    }

    @Test func followsSymlinksThatStayInsideAndSkipsDirectoryLinks() throws {
        let root = try Self.directory(["values.yaml": "a: 1", "base/cm.yaml": "kind: ConfigMap"])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("linked.yaml").path,
                                                   withDestinationPath: "values.yaml")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("dirlink").path,
                                                   withDestinationPath: "base")
        let tree = try FileTree.load(directory: root)
        #expect(tree.paths == ["base/cm.yaml", "linked.yaml", "values.yaml"])
        #expect(tree["linked.yaml"] == Data("a: 1".utf8))
    }

    @Test func refusesASymlinkLeavingTheDirectoryNamingIt() throws {
        let outside = try Self.directory(["secret.txt": "token"])
        let root = try Self.directory(["values.yaml": "a: 1"])
        defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("escape.yaml").path,
                                                   withDestinationPath: outside.appendingPathComponent("secret.txt").path)
        let error = #expect(throws: FileTreeError.self) { try FileTree.load(directory: root) }
        #expect(error?.path.hasSuffix("/escape.yaml") == true)
        #expect(error?.message.hasPrefix("symlink points outside") == true)
        #expect(error?.description.contains("token") == false)
    }

    @Test func readsManyFilesInParallelEachWithItsOwnContents() throws {
        var files: [String: String] = [:]
        for i in 0..<300 { files["templates/t\(i).yaml"] = String(repeating: "line \(i)\n", count: i) }
        let root = try Self.directory(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let tree = try FileTree.load(directory: root)
        #expect(tree.paths == files.keys.sorted())
        #expect(tree.paths.allSatisfy { tree[$0] == Data(files[$0]!.utf8) })
    }

    @Test func aFileOverTheSizeLimitIsAnErrorNamingIt() throws {
        let root = try Self.directory(["values.yaml": "a: 1"])
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(count: FileTree.maxFileBytes + 1).write(to: root.appendingPathComponent("big.bin"))
        let error = #expect(throws: FileTreeError.self) { try FileTree.load(directory: root) }
        #expect(error?.path.hasSuffix("/big.bin") == true)
        #expect(error?.message == "file larger than \(FileTree.maxFileBytes) bytes")
    }

    @Test func aMissingDirectoryIsAnErrorNamingIt() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-missing-\(UUID().uuidString)")
        let error = #expect(throws: FileTreeError.self) { try FileTree.load(directory: missing) }
        #expect(error?.path == missing.path)
    }
}
