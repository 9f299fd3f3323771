import FerryCore
import Foundation
import Testing
@testable import Rendering

@Suite struct KustomizeUnitTests {
    func hash(_ yaml: String) throws -> String { KustomizeHasher.hash(try YAML.parse(yaml)) }

    @Test func configMapHashesMatchKustomizesOwnTestVectors() throws {
        #expect(try hash("apiVersion: v1\nkind: ConfigMap\n") == "6ct58987ht")
        #expect(try hash("apiVersion: v1\nkind: ConfigMap\ndata:\n  one: \"\"\n") == "9g67k2htb6")
        #expect(try hash("apiVersion: v1\nkind: ConfigMap\ndata:\n  two: 2\n  one: \"\"\n  three: 3\n") == "7757f9kkct")
        #expect(try hash("apiVersion: v1\nkind: ConfigMap\nbinaryData:\n  two: 2\n  one: \"\"\n  three: 3\n") == "9th7kc28dg")
        #expect(try hash("apiVersion: v1\nkind: ConfigMap\ndata:\n  one: \"\"\nbinaryData:\n  two: \"\"\n") == "698h7c7t9m")
    }

    @Test func secretHashesMatchKustomizesOwnTestVectors() throws {
        #expect(try hash("apiVersion: v1\nkind: Secret\ntype: my-type\n") == "5gmgkf8578")
        #expect(try hash("apiVersion: v1\nkind: Secret\ntype: my-type\ndata:\n  one: \"\"\n") == "74bd68bm66")
        #expect(try hash("apiVersion: v1\nkind: Secret\ntype: my-type\ndata:\n  two: 2\n  one: \"\"\n  three: 3\n") == "4gf75c7476")
        #expect(try hash("apiVersion: v1\nkind: Secret\ntype: my-type\ndata:\n  one: \"\"\nstringData:\n  two: 2\n") == "c4h4264gdb")
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array(String(repeating: "a", count: 1000).utf8)
        #expect(SHA256.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func goJSONEscapesLikeGo() {
        #expect(JSON.quote("<a&b>\n\"x\"") == "\"\\u003ca\\u0026b\\u003e\\n\\\"x\\\"\"")
    }

    @Test func imageReferencesSplitAndMatchLikeKustomize() {
        #expect(Images.split("nginx") == ("nginx", "", ""))
        #expect(Images.split("nginx:1.2") == ("nginx", "1.2", ""))
        #expect(Images.split("localhost:5000/app:v1") == ("localhost:5000/app", "v1", ""))
        #expect(Images.split("app@sha256:abc") == ("app", "", "sha256:abc"))
        #expect(Images.split("app:v1@sha256:abc") == ("app", "v1", "sha256:abc"))
        #expect(Images.matches("nginx:1.2", "nginx"))
        #expect(!Images.matches("nginx-extra:1.2", "nginx"))
        let rule = Images.Rule(name: "nginx", newName: "my/nginx", newTag: nil, digest: "sha256:ff")
        #expect(Images.apply(rule, to: "nginx:1.0") == "my/nginx@sha256:ff")
    }

    @Test func pathsResolveAgainstTheKustomizationDirectoryAndCannotLeaveTheTree() throws {
        var tree = FileTree()
        try tree.add("a/kustomization.yaml", Data("resources:\n- ../../outside\n".utf8))
        do {
            _ = try KustomizeRenderer.render(tree: tree, directory: "a")
            Issue.record("expected an error")
        } catch let error as RenderError {
            #expect(error.file == "a/kustomization.yaml")
            #expect(error.message.contains("leaves the source tree"))
        }
    }

    @Test func unknownGeneratorOptionAndMissingReplicaTargetAreErrors() throws {
        var tree = FileTree()
        try tree.add("kustomization.yaml", Data("replicas:\n- name: ghost\n  count: 2\n".utf8))
        #expect(throws: RenderError.self) { try KustomizeRenderer.render(tree: tree) }
        var other = FileTree()
        try other.add("kustomization.yaml", Data("configMapGenerator:\n- name: x\n  literals: [a=1]\n  sources: []\n".utf8))
        #expect(throws: RenderError.self) { try KustomizeRenderer.render(tree: other) }
    }
}
