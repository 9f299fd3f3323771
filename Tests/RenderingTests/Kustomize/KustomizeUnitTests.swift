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

    @Test func fieldSpecPathsKeepEscapedSlashesInOneSegment() {
        #expect(FieldSpec.split("metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret")
                == ["metadata", "annotations", "nginx.ingress.kubernetes.io/auth-secret"])
        #expect(FieldSpec.split("spec/containers[]/image") == ["spec", "containers[]", "image"])
    }

    @Test func fieldPathsSplitListSelectorsAndIndexes() {
        #expect(FieldPath.split("spec.containers.[name=web].image") == ["spec", "containers", "[name=web]", "image"])
        #expect(FieldPath.split("spec.containers[name=a.b].env.0.value") == ["spec", "containers", "[name=a.b]", "env", "0", "value"])
        let object: Value = ["spec": ["ports": [["name": "grpc", "port": 9090], ["name": "http", "port": 8080]]]]
        #expect(FieldPath.get(object, FieldPath.split("spec.ports.[name=http].port")) == .int(8080))
        #expect(FieldPath.get(object, FieldPath.split("spec.ports.0.name")) == .string("grpc"))
        #expect(FieldPath.get(object, FieldPath.split("spec.ports.[name=none].port")) == nil)
    }

    @Test func replacementCreateAppendsAMatchingListElement() {
        var object: Value = ["spec": ["env": [["name": "A", "value": "1"]]]]
        let count = FieldPath.update(&object, FieldPath.split("spec.env.[name=B].value")[...], create: true) { $0 = "2" }
        #expect(count == 1)
        #expect(object[path: ["spec", "env"]] == [["name": "A", "value": "1"], ["name": "B", "value": "2"]])
    }

    @Test func varsExpandLikeKubernetes() {
        let values: [String: Value] = ["HOST": "db", "PORT": .int(5432)]
        #expect(Vars.expand("http://$(HOST):$(PORT)/", values) == "http://db:5432/")
        #expect(Vars.expand("$(PORT)", values) == .int(5432))
        #expect(Vars.expand("$$(HOST) $(OTHER) $5 $", values) == "$(HOST) $(OTHER) $5 $")
    }

    @Test func defaultNameReferencesCoverRBACServicesAndScaleTargets() {
        func referrers(_ kind: String) -> [String] {
            NameReferenceConfig.defaults.filter { $0.kind == kind }.flatMap(\.referrers).map { "\($0.kind ?? "*") \($0.pathText)" }
        }
        #expect(referrers("ClusterRole").contains("ClusterRoleBinding roleRef/name"))
        #expect(referrers("ServiceAccount").contains("RoleBinding subjects"))
        #expect(referrers("Service").contains("Ingress spec/rules/http/paths/backend/service/name"))
        #expect(referrers("Deployment") == ["HorizontalPodAutoscaler spec/scaleTargetRef/name"])
        #expect(referrers("Secret").contains("CronJob spec/jobTemplate/spec/template/spec/imagePullSecrets/name"))
    }

    @Test func configurationFilesMergeAndRefuseConflictingCreateFlags() throws {
        let file = "config.yaml"
        let extra = try TransformerConfig(parsing: try YAML.parse("commonLabels:\n- path: spec/selector\n  kind: Thing\n  create: true\n"), file: file)
        var config = TransformerConfig.defaults
        try config.merge(extra, file: file)
        #expect(config.commonLabels.contains { $0.kind == "Thing" })
        let conflicting = try TransformerConfig(parsing: try YAML.parse("commonLabels:\n- path: spec/selector\n  kind: Thing\n"), file: file)
        #expect(throws: RenderError.self) { try config.merge(conflicting, file: file) }
        #expect(throws: RenderError.self) { try TransformerConfig(parsing: try YAML.parse("bogus: []\n"), file: file) }
    }

    @Test func componentsCannotBeListedAsResources() throws {
        var tree = FileTree()
        try tree.add("kustomization.yaml", Data("resources: [comp]\n".utf8))
        try tree.add("comp/kustomization.yaml", Data("kind: Component\napiVersion: kustomize.config.k8s.io/v1alpha1\n".utf8))
        do {
            _ = try KustomizeRenderer.render(tree: tree)
            Issue.record("expected an error")
        } catch let error as RenderError {
            #expect(error.file == "comp/kustomization.yaml")
            #expect(error.message.contains("Component"))
        }
    }

    @Test func twoKustomizationFilesInOneDirectoryAreRefused() throws {
        var tree = FileTree()
        try tree.add("kustomization.yaml", Data("resources: []\n".utf8))
        try tree.add("kustomization.yml", Data("resources: []\n".utf8))
        #expect(throws: RenderError.self) { try KustomizeRenderer.render(tree: tree) }
    }

    @Test func filesNamedByAKustomizationMustLieBelowIt() throws {
        var tree = FileTree()
        try tree.add("app/kustomization.yaml", Data("configurations: [../shared/config.yaml]\n".utf8))
        try tree.add("shared/config.yaml", Data("nameReference: []\n".utf8))
        do {
            _ = try KustomizeRenderer.render(tree: tree, directory: "app")
            Issue.record("expected an error")
        } catch let error as RenderError {
            #expect(error.file == "app/kustomization.yaml")
            #expect(error.message.contains("configurations"))
            #expect(error.message.contains("not in or below"))
        }
    }

    @Test func nameReferencesPreferTheObjectWithTheSamePrefixes() throws {
        func resource(_ kind: String, _ name: String, prefixes: [String], previous: String) -> KResource {
            var r = KResource(value: ["apiVersion": "v1", "kind": .string(kind), "metadata": ["name": .string(name)]],
                              names: [previous, name], needsHash: false, origin: "test")
            r.previousIDs = [PreviousID(kind: kind, name: previous, namespace: "default")]
            r.prefixes = prefixes
            return r
        }
        var pod = resource("Pod", "a-p", prefixes: ["a-"], previous: "p")
        pod.value["spec"] = ["volumes": [["name": "v", "configMap": ["name": "cm"]]]]
        var resources = [pod, resource("ConfigMap", "a-cm", prefixes: ["a-"], previous: "cm"),
                         resource("ConfigMap", "b-cm", prefixes: ["b-"], previous: "cm")]
        try NameReferences.fix(&resources, config: NameReferenceConfig.defaults, file: "k")
        #expect(resources[0].value[path: ["spec", "volumes"]]?.arrayValue?.first?[path: ["configMap", "name"]] == "a-cm")
    }

    @Test func sortOptionsRankFirstAndLastKinds() {
        let ranks = LegacyOrder.ranks(first: ["Service", "Namespace"], last: ["ConfigMap"])
        #expect(ranks["Service"] == -2 && ranks["Namespace"] == -1 && ranks["ConfigMap"] == 1 && ranks["Pod"] == nil)
    }

    @Test func deprecatedFieldsBecomeDiagnostics() throws {
        var tree = FileTree()
        try tree.add("kustomization.yaml", Data("commonLabels: {a: b}\nvars: []\nresources: []\n".utf8))
        let result = try KustomizeRenderer.render(tree: tree)
        #expect(result.diagnostics.map(\.message) == ["'commonLabels' is deprecated; use 'labels' instead",
                                                      "'vars' is deprecated; use 'replacements' instead"])
        #expect(result.diagnostics.allSatisfy { $0.file == "kustomization.yaml" })
    }
}
