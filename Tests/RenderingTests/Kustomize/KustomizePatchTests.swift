import FerryCore
import Foundation
import Testing
@testable import Rendering

/// The kustomize-specific parts of patching that the parity cases do not isolate: how patch text is
/// classified, how targets match, and kyaml's list order after a strategic merge.
@Suite struct KustomizePatchTests {
    func render(_ files: [String: String]) throws -> [Value] {
        var tree = FileTree()
        for (path, text) in files { try tree.add(path, Data(text.utf8)) }
        return try KustomizeRenderer.render(tree: tree).objects.map(\.value)
    }

    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: a
                image: a:1
              - name: b
                image: b:1
              - name: c
                image: c:1
        """

    @Test func patchTextIsClassifiedAsStrategicMergeOrJSON6902() throws {
        #expect(PatchLoader.resources("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n")?.count == 1)
        #expect(PatchLoader.resources("- op: add\n  path: /a\n  value: 1\n") == nil)
        #expect(PatchLoader.resources("kind: ConfigMap\n") == nil)
        #expect(PatchLoader.operations("[{\"op\": \"remove\", \"path\": \"/a\"}]")?.arrayValue?.count == 1)
        #expect(PatchLoader.operations("- op: remove\n  path: /a\n")?.arrayValue?.count == 1)
        #expect(PatchLoader.operations("apiVersion: v1\nkind: ConfigMap\n") == nil)
    }

    @Test func targetNamesAreAnchoredRegularExpressions() throws {
        let target = try PatchTarget(["name": "api-v[0-9]"], field: "target", file: "k")
        #expect(PatchTarget.matches(target.name, "api-v1"))
        #expect(!PatchTarget.matches(target.name, "api-v10"))
        #expect(!PatchTarget.matches(target.name, "my-api-v1"))
        #expect(throws: RenderError.self) { try PatchTarget(["name": "("], field: "target", file: "k") }
        #expect(throws: RenderError.self) { try PatchTarget(["nmae": "x"], field: "target", file: "k") }
    }

    @Test func mergedContainersPutThePatchedOnesFirstLikeKyaml() throws {
        let objects = try render([
            "deployment.yaml": Self.deployment,
            "kustomization.yaml": """
                resources: [deployment.yaml]
                patches:
                - patch: |-
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: web}
                    spec: {template: {spec: {containers: [{name: c, image: c:2}, {name: d, image: d:1}]}}}
                """,
        ])
        let containers = objects.first?[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? []
        #expect(containers.compactMap { $0["name"]?.stringValue } == ["c", "d", "a", "b"])
        #expect(containers.first?["image"] == "c:2")
    }

    @Test func topLevelDeleteDirectiveRemovesTheResource() throws {
        let objects = try render([
            "deployment.yaml": Self.deployment,
            "kustomization.yaml": """
                resources: [deployment.yaml]
                patches:
                - patch: |-
                    $patch: delete
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: web}
                """,
        ])
        #expect(objects.isEmpty)
    }

    @Test func unmatchedPatchNamesTheKustomizationAndTheResource() throws {
        do {
            _ = try render([
                "deployment.yaml": Self.deployment,
                "kustomization.yaml": "resources: [deployment.yaml]\npatchesStrategicMerge:\n- |-\n  apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: nope}\n",
            ])
            Issue.record("expected an error")
        } catch let error as RenderError {
            #expect(error.file == "kustomization.yaml")
            #expect(error.message.contains("patchesStrategicMerge[0]"))
            #expect(error.message.contains("Deployment 'nope'"))
        }
    }
}
