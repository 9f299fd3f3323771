import FerryCore
import Foundation
import Testing
@testable import FerryCLI

@Suite struct RenderCommandTests {
    @Test func rendersADirectoryToAYAMLStream() throws {
        let dir = try TemporaryDirectory()
        try Data("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: one
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: two
        """.utf8).write(to: dir.url.appendingPathComponent("cm.yaml"))
        let result = try RenderCommand.render(directory: dir.url.path, recurse: false)
        let yaml = RenderCommand.text(result.objects, format: .yaml)
        let documents = try YAML.parseAll(yaml)
        #expect(documents.compactMap { $0.value[path: ["metadata", "name"]]?.stringValue }.sorted() == ["one", "two"])
        #expect(yaml.contains("---\n"))
        let json = try JSON.parse(RenderCommand.text(result.objects, format: .json))
        #expect(json["kind"] == "List" && json["items"]?.arrayValue?.count == 2)
    }

    @Test func parsesTheRenderArguments() throws {
        let command = try #require(try FerryCommand.parseAsRoot(["render", "some/dir", "--recurse", "-o", "json"]) as? RenderCommand)
        #expect(command.directory == "some/dir" && command.recurse && command.output == .json)
    }

    @Test func aMissingDirectoryIsAClearError() {
        #expect(throws: CLIError("/nonexistent/ferry: no such directory")) {
            try RenderCommand.render(directory: "/nonexistent/ferry", recurse: false)
        }
    }
}
