import FerryCore
import Foundation
import Testing
@testable import Rendering

/// Argo CD's `spec.source.kustomize` settings, applied as `kustomize edit` would before the build.
@Suite struct KustomizeOverridesTests {
    static let base: [String: String] = [
        "app/kustomization.yaml": """
            resources: [deploy.yaml]
            commonLabels: {team: a}
            images:
            - name: nginx
              newTag: "1.25"
            replicas:
            - name: web
              count: 2
            """,
        "app/deploy.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - {name: web, image: nginx}
                  - {name: side, image: busybox:1.36}
            """,
    ]

    func render(_ overrides: KustomizeOverrides, files: [String: String] = base) throws -> KubeObject {
        var tree = FileTree()
        for (path, text) in files { try tree.add(path, Data(text.utf8)) }
        let result = try Renderer.render(tree: tree, options: RenderOptions(directory: "app", kustomize: overrides))
        return try #require(result.objects.first)
    }

    @Test func prefixSuffixNamespaceAndReplicasReplaceTheKustomizationsValues() throws {
        let web = try render(KustomizeOverrides(namePrefix: "prod-", nameSuffix: "-v2", namespace: "shop",
                                                replicas: [.init(name: "web", count: 5)]))
        #expect(web.name == "prod-web-v2")
        #expect(web.namespace == "shop")
        #expect(web.value[path: ["spec", "replicas"]] == 5)
    }

    @Test func imagesReplaceEntriesOfTheSameNameAndAddNewOnes() throws {
        let web = try render(KustomizeOverrides(images: ["nginx=registry.local/nginx:1.27", "busybox@sha256:abc"]))
        let containers = web.value[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? []
        #expect(containers.map { $0["image"] } == ["registry.local/nginx:1.27", "busybox@sha256:abc"])
    }

    @Test func commonLabelsAreAddedToSelectorsAndTemplates() throws {
        let web = try render(KustomizeOverrides(commonLabels: ["env": "prod"], commonAnnotations: ["owner": "ops"]))
        #expect(web.value[path: ["metadata", "labels", "team"]] == "a")
        #expect(web.value[path: ["metadata", "labels", "env"]] == "prod")
        #expect(web.value[path: ["spec", "selector", "matchLabels", "env"]] == "prod")
        #expect(web.value[path: ["spec", "template", "metadata", "labels", "env"]] == "prod")
        #expect(web.value[path: ["metadata", "annotations", "owner"]] == "ops")
    }

    @Test func anExistingLabelNeedsTheForceFlag() throws {
        #expect {
            try render(KustomizeOverrides(commonLabels: ["team": "b"]))
        } throws: { error in
            "\(error)".contains("spec.source.kustomize.commonLabels: label 'team' is already in the kustomization")
                && "\(error)".contains("forceCommonLabels") && "\(error)".hasPrefix("app/kustomization.yaml")
        }
        let forced = try render(KustomizeOverrides(commonLabels: ["team": "b"], forceCommonLabels: true))
        #expect(forced.value[path: ["metadata", "labels", "team"]] == "b")
    }

    @Test func overridesOnAPlainDirectoryAreRefused() throws {
        #expect {
            try render(KustomizeOverrides(namePrefix: "x-"), files: ["app/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"])
        } throws: { error in "\(error)".contains("spec.source.kustomize is set, but the path holds no kustomization") }
    }

    static let imageCases: [(String, Value)] = [
        ("nginx=registry/nginx:1.27", ["name": "nginx", "newName": "registry/nginx", "newTag": "1.27"]),
        ("nginx=registry:5000/nginx", ["name": "nginx", "newName": "registry:5000/nginx"]),
        ("nginx=registry/nginx@sha256:ab", ["name": "nginx", "newName": "registry/nginx", "digest": "sha256:ab"]),
        ("nginx:1.27", ["name": "nginx", "newTag": "1.27"]),
        ("alpine@sha256:cd", ["name": "alpine", "digest": "sha256:cd"]),
    ]

    @Test func parsesImageOverridesLikeKustomizeEditSetImage() throws {
        for (text, expected) in Self.imageCases {
            #expect(try KustomizeOverrides.parseImage(text) == expected, "\(text)")
        }
    }

    @Test(arguments: ["nginx", "=x:1", "a=b=c", ""])
    func rejectsMalformedImageOverrides(_ text: String) {
        #expect(throws: RenderError.self) { try KustomizeOverrides(images: [text]).validate() }
    }
}
