import FerryCore
import Foundation
import Patch
import Testing

@Suite struct StrategicMergeTests {
    let deployment = PatchSchema.kubernetes.type(apiVersion: "apps/v1", kind: "Deployment")

    func failure(_ patch: Value, _ original: Value) -> PatchError? {
        do { _ = try StrategicMerge.apply(patch, to: original, schema: deployment); return nil } catch let error as PatchError {
            return error
        } catch { return PatchError("unexpected \(error)") }
    }

    @Test func withoutSchemaItIsAJSONMergePatch() throws {
        let original: Value = ["spec": ["items": [["name": "a"]], "keep": 1]]
        let patch: Value = ["spec": ["items": [["name": "b"]], "keep": nil]]
        #expect(try StrategicMerge.apply(patch, to: original, schema: nil) == MergePatch.apply(patch, to: original))
        #expect(PatchSchema.kubernetes.type(apiVersion: "example.com/v1", kind: "Widget") == nil)
    }

    @Test func mergeDirectiveOnAMapIsRefused() {
        let failure = failure(["spec": ["template": ["$patch": "merge"]]], ["spec": ["template": [:]]])
        #expect(failure?.message.hasPrefix("unknown patch type: merge in map:") == true)
        #expect(failure?.path == ".spec.template")
    }

    @Test func missingMergeKeyNamesTheList() {
        let original: Value = ["spec": ["template": ["spec": ["containers": [["name": "a"]]]]]]
        let failure = failure(["spec": ["template": ["spec": ["containers": [["image": "x"]]]]]], original)
        #expect(failure?.message == #"map: {"image":"x"} does not contain declared merge key: name"#)
        #expect(failure?.path == ".spec.template.spec.containers")
    }

    @Test func patchMustBeAnObject() {
        #expect(failure(["a"], [:])?.message == "a strategic merge patch must be a JSON object, not array")
    }

    @Test func nullOriginalIsAnEmptyObject() throws {
        #expect(try StrategicMerge.apply(["metadata": ["name": "x"]], to: nil, schema: deployment) == ["metadata": ["name": "x"]])
    }

    @Test func mixedScalarTypesInAMergeListAreRefused() {
        let failure = failure(["metadata": ["finalizers": [1]]], ["metadata": ["finalizers": ["a"]]])
        #expect(failure?.message.contains("list element types are not identical") == true)
    }
}

@Suite struct PatchSchemaTests {
    let schema = PatchSchema.kubernetes

    @Test func bundledSchemaLoads() {
        #expect(schema.loadError == nil)
    }

    @Test func describesPodSpecLists() throws {
        let pod = try #require(schema.type(apiVersion: "v1", kind: "Pod")?.field("spec")?.type)
        let containers = try #require(pod.field("containers"))
        #expect(containers.patchStrategy == "merge")
        #expect(containers.patchMergeKey == "name")
        #expect(containers.listType == "map" && containers.listMapKeys == ["name"])
        #expect(containers.isList)
        let ports = try #require(containers.type?.field("ports"))
        #expect(ports.patchMergeKey == "containerPort")
        #expect(ports.listMapKeys == ["containerPort", "protocol"])
        #expect(pod.field("tolerations")?.patchStrategy == nil)
        #expect(pod.field("volumes")?.patchStrategies == ["merge", "retainKeys"])
    }

    @Test func describesServicePortsAndDeploymentStrategy() throws {
        let service = try #require(schema.type(apiVersion: "v1", kind: "Service")?.field("spec")?.type)
        #expect(service.field("ports")?.patchMergeKey == "port")
        let spec = try #require(schema.type(apiVersion: "apps/v1", kind: "Deployment")?.field("spec")?.type)
        #expect(spec.name == "io.k8s.api.apps.v1.DeploymentSpec")
        #expect(spec.field("strategy")?.retainsKeys == true)
        #expect(schema.type(apiVersion: "apps/v1", kind: "NoSuchKind") == nil)
    }

    @Test func loadsQuicklyFromTheCompactFile() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Patch/Resources/patch-schema.json")
        let clock = ContinuousClock()
        var loaded: PatchSchema?
        let elapsed = try clock.measure { loaded = try PatchSchema.load(from: url) }
        print("patch schema load: \(elapsed)")
        #expect(loaded?.type(apiVersion: "apps/v1", kind: "Deployment") != nil)
        #expect(elapsed < .seconds(2))
    }

    @Test func unreadableFilesGiveAClearError() {
        #expect(throws: PatchError.self) { try PatchSchema.load(from: URL(fileURLWithPath: "/nonexistent/patch-schema.json")) }
    }
}
