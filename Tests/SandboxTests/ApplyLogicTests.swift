import FerryCore
import Patch
import Testing
@testable import Sandbox

/// The pure pieces behind the API: selectors, patches and server-side apply.
struct ApplyLogicTests {
    @Test func labelSelectorsSupportEveryOperator() throws {
        let labels = ["app": "web", "tier": "frontend"]
        #expect(try LabelSelector("app=web,tier==frontend").matches(labels))
        #expect(try !LabelSelector("app!=web").matches(labels))
        #expect(try LabelSelector("tier in (frontend, backend)").matches(labels))
        #expect(try !LabelSelector("tier notin (frontend)").matches(labels))
        #expect(try LabelSelector("app,!missing").matches(labels))
        #expect(throws: LabelSelectorError.self) { try LabelSelector("app in frontend") }
    }

    @Test func applyRemovesFieldsTheManagerNoLongerAppliesButKeepsOthers() throws {
        let ssa = ServerSideApply(manager: "ferry", force: false, apiVersion: "v1", now: "2026-01-01T00:00:00Z")
        let first: Value = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c", "labels": ["a": "1", "b": "2"]],
                            "data": ["x": "1", "y": "2"]]
        guard case .success(var live) = ssa.apply(first, to: nil) else { Issue.record("apply failed"); return }
        live["data"]?["z"] = "kept"   // written by someone else, not owned by ferry
        let second: Value = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c", "labels": ["a": "1"]],
                             "data": ["x": "1"]]
        guard case .success(let result) = ssa.apply(second, to: live) else { Issue.record("apply failed"); return }
        #expect(result[path: ["metadata", "labels"]] == ["a": "1"])
        #expect(result["data"] == ["x": "1", "z": "kept"])
        let entries = ManagedFields.entries(of: result)
        #expect(entries.count == 1 && entries[0].fields.paths.contains([.field("data"), .field("x")]))
    }

    @Test func applyMergesContainersByNameAndReportsConflicts() throws {
        func deployment(_ image: String, replicas: Value) -> Value {
            ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "d"],
             "spec": ["replicas": replicas, "template": ["spec": ["containers": [["name": "a", "image": .string(image)]]]]]]
        }
        let kubectl = ServerSideApply(manager: "kubectl", force: false, apiVersion: "apps/v1", now: "t")
        guard case .success(let live) = kubectl.apply(deployment("one", replicas: 1), to: nil) else { return }
        let fields = FieldSet(of: live).fieldsV1
        #expect(JSON.encode(fields).contains(#""k:{\"name\":\"a\"}":{".":{}"#))
        let other = ServerSideApply(manager: "other", force: false, apiVersion: "apps/v1", now: "t")
        guard case .failure(let conflict) = other.apply(deployment("two", replicas: 1), to: live) else {
            Issue.record("expected a conflict"); return
        }
        #expect(conflict.conflicts.map(\.path.display) == [#".spec.template.spec.containers[name="a"].image"#])
        let forced = ServerSideApply(manager: "other", force: true, apiVersion: "apps/v1", now: "t")
        guard case .success(let result) = forced.apply(deployment("two", replicas: 1), to: live) else { return }
        #expect(result.lookup([.field("spec"), .field("template"), .field("spec"), .field("containers"),
                               .key(["name": "a"]), .field("image")]) == "two")
    }

    @Test func jsonPatchAndMergePatchFollowTheRFCs() throws {
        let doc: Value = ["a": ["b": 1, "c": [1, 2]]]
        let patched = try JSONPatch.apply([["op": "add", "path": "/a/c/-", "value": 3],
                                           ["op": "remove", "path": "/a/b"]], to: doc)
        #expect(patched == ["a": ["c": [1, 2, 3]]])
        #expect(MergePatch.apply(["a": ["b": nil, "d": "x"]], to: doc) == ["a": ["c": [1, 2], "d": "x"]])
        #expect(throws: PatchError.self) { try JSONPatch.apply([["op": "test", "path": "/a/b", "value": 2]], to: doc) }
    }
}

extension ApplyLogicTests {
    @Test func removingTheLastPortDropsTheEmptiedList() {
        var object: Value = ["spec": ["ports": [["containerPort": 80]], "name": "x"]]
        object.remove([.field("spec"), .field("ports"), .key(["containerPort": 80])])
        #expect(object == ["spec": ["name": "x"]])
    }
}
