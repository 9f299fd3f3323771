import FerryCore
import Foundation
import Patch
import Testing

/// `PatchSchema(openAPIDefinitions:)`: custom OpenAPI v2 definitions become the same tables the bundled
/// compact schema holds.
@Suite struct PatchSchemaOpenAPITests {
    /// A custom resource whose containers merge by name, with ports merging by containerPort.
    static let document: Value = ["definitions": [
        "example.v1.Widget": [
            "x-kubernetes-group-version-kind": [["group": "example.com", "version": "v1", "kind": "Widget"]],
            "properties": ["spec": ["$ref": "#/definitions/example.v1.WidgetSpec"], "kind": ["type": "string"]],
        ],
        "example.v1.WidgetSpec": ["properties": [
            "containers": [
                "type": "array", "items": ["$ref": "#/definitions/example.v1.Container"],
                "x-kubernetes-patch-merge-key": "name", "x-kubernetes-patch-strategy": "merge",
            ],
            "selectors": ["type": "object", "additionalProperties": ["$ref": "#/definitions/example.v1.Selector"]],
            "finalizers": ["type": "array", "items": ["type": "string"], "x-kubernetes-patch-strategy": "merge"],
            "owners": [
                "type": "array", "items": ["type": "object"],
                "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["team", "role"],
            ],
            "replicas": ["type": "integer"],
        ]],
        "example.v1.Container": ["properties": ["ports": [
            "type": "array", "items": ["$ref": "#/definitions/example.v1.Port"],
            "x-kubernetes-patch-merge-key": "containerPort", "x-kubernetes-patch-strategy": "merge,retainKeys",
        ]]],
        "example.v1.Selector": ["x-kubernetes-map-type": "atomic", "properties": ["app": ["type": "string"]]],
        "v1.Pod": ["x-kubernetes-group-version-kind": [["group": "", "version": "v1", "kind": "Pod"]]],
    ]]

    @Test func indexesKindsByApiVersionAndKind() throws {
        let schema = try PatchSchema(openAPIDefinitions: Self.document)
        #expect(schema.type(apiVersion: "example.com/v1", kind: "Widget")?.name == "example.v1.Widget")
        #expect(schema.type(apiVersion: "v1", kind: "Pod")?.name == "v1.Pod")
        #expect(schema.type(apiVersion: "apps/v1", kind: "Deployment") == nil)
        #expect(schema.kindCount == 2)
    }

    @Test func followsRefsToListsAndMapsWithTheirPatchMetadata() throws {
        let schema = try PatchSchema(openAPIDefinitions: Self.document)
        let spec = try #require(schema.type(apiVersion: "example.com/v1", kind: "Widget")?.field("spec")?.type)
        let containers = try #require(spec.field("containers"))
        #expect(containers.isList && containers.patchStrategy == "merge" && containers.patchMergeKey == "name")
        let ports = try #require(containers.type?.field("ports"))
        #expect(ports.patchMergeKey == "containerPort" && ports.patchStrategy == "merge" && ports.retainsKeys)
        #expect(spec.field("selectors")?.type?.name == "map[example.v1.Selector]")
        #expect(spec.field("selectors")?.isList == false)
        #expect(schema.type(named: "example.v1.Selector")?.mapType == "atomic")
        #expect(spec.field("finalizers")?.patchStrategy == "merge" && spec.field("finalizers")?.type == nil)
        #expect(spec.field("owners")?.listType == "map" && spec.field("owners")?.listMapKeys == ["team", "role"])
        #expect(spec.field("replicas") == nil)
    }

    @Test func inlineObjectSchemasBecomeTypesNamedForTheirPlace() throws {
        let document: Value = ["definitions": ["Pipeline": [
            "x-kubernetes-group-version-kind": [["group": "ci.example.com", "version": "v1", "kind": "Pipeline"]],
            "properties": ["spec": ["type": "object", "properties": ["stages": [
                "type": "array", "x-kubernetes-patch-merge-key": "id", "x-kubernetes-patch-strategy": "merge",
                "items": ["type": "object", "properties": ["env": [
                    "type": "array", "x-kubernetes-patch-merge-key": "name", "x-kubernetes-patch-strategy": "merge",
                ]]],
            ]]]],
        ]]]
        let schema = try PatchSchema(openAPIDefinitions: document)
        let spec = try #require(schema.type(apiVersion: "ci.example.com/v1", kind: "Pipeline")?.field("spec")?.type)
        #expect(spec.name == "Pipeline/spec")
        let stages = try #require(spec.field("stages"))
        #expect(stages.patchMergeKey == "id" && stages.type?.name == "Pipeline/spec/stages[]")
        #expect(stages.type?.field("env")?.patchMergeKey == "name")
    }

    @Test func strategicMergeMergesCustomListsByKey() throws {
        let schema = try PatchSchema(openAPIDefinitions: Self.document)
        let original: Value = ["apiVersion": "example.com/v1", "kind": "Widget", "spec": ["containers": [
            ["name": "a", "image": "a", "ports": [["containerPort": 80]]], ["name": "b", "image": "b"],
        ]]]
        let patch: Value = ["spec": ["containers": [
            ["name": "a", "image": "a:2", "ports": [["containerPort": 81]]], ["name": "b", "$patch": "delete"],
        ]]]
        let merged = try StrategicMerge.apply(patch, to: original, schema: schema.type(of: original))
        #expect(merged["spec"]?["containers"] == [["name": "a", "image": "a:2", "ports": [["containerPort": 81], ["containerPort": 80]]]])
    }

    @Test func mergingLetsTheLaterSchemaWin() throws {
        let custom = try PatchSchema(openAPIDefinitions: ["definitions": ["my.Deployment": [
            "x-kubernetes-group-version-kind": [["group": "apps", "version": "v1", "kind": "Deployment"]],
        ]]])
        let combined = PatchSchema.kubernetes.merging(custom)
        #expect(combined.type(apiVersion: "apps/v1", kind: "Deployment")?.name == "my.Deployment")
        #expect(combined.type(apiVersion: "v1", kind: "Pod")?.name == "io.k8s.api.core.v1.Pod")
        #expect(custom.type(apiVersion: "v1", kind: "Pod") == nil)
    }

    @Test func documentsWithoutDefinitionsGiveAnEmptySchema() throws {
        #expect(try PatchSchema(openAPIDefinitions: ["swagger": "2.0"]).kindCount == 0)
        #expect(try PatchSchema(openAPIDefinitions: ["$defs": ["v1.Pod": [
            "x-kubernetes-group-version-kind": [["version": "v1", "kind": "Pod"]],
        ]]]).kindCount == 1)
    }

    @Test(arguments: [
        (Value.array([]), "expected a mapping"),
        (["definitions": ["a", "b"]], "'definitions' must be a mapping"),
        (["definitions": ["X": "text"]], "definition 'X' must be a mapping"),
        (["definitions": ["X": ["x-kubernetes-group-version-kind": "v1/Pod"]]], "definition 'X': x-kubernetes-group-version-kind must be a list"),
        (["definitions": ["X": ["x-kubernetes-group-version-kind": [["kind": "Pod"]]]]], "needs string 'version' and 'kind'"),
        (["definitions": ["X": ["properties": ["items": ["x-kubernetes-patch-merge-key": 3]]]]], "X/items: x-kubernetes-patch-merge-key must be a string"),
        (["definitions": ["X": ["properties": ["spec": ["$ref": "other.json#/Spec"]]]]], "X/spec: $ref must point into #/definitions/"),
        (["definitions": ["X": ["properties": ["l": ["x-kubernetes-list-map-keys": "name"]]]]], "X/l: x-kubernetes-list-map-keys must be a list of strings"),
    ] as [(Value, String)])
    func malformedDocumentsAreRefusedWithTheirPlace(_ document: Value, _ message: String) {
        do {
            _ = try PatchSchema(openAPIDefinitions: document)
            Issue.record("expected an error containing \(message)")
        } catch let error as PatchError {
            #expect(error.message.contains(message), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
