import FerryCore
import Testing
@testable import KubeClient

@Suite("InMemoryKubeAPI")
struct InMemoryKubeAPITests {
    static let deploymentGVK = GroupVersionKind(group: "apps", version: "v1", kind: "Deployment")

    static func deployment(_ name: String, namespace: String? = nil, replicas: Int64 = 1, labels: Value = [:]) -> KubeObject {
        var metadata: Value = ["name": .string(name), "labels": labels]
        if let namespace { metadata["namespace"] = .string(namespace) }
        return KubeObject(["apiVersion": "apps/v1", "kind": "Deployment", "metadata": metadata,
                           "spec": ["replicas": .int(replicas)], "status": ["readyReplicas": 9]])
    }

    @Test func applyStoresObjectWithServerMetadata() async throws {
        let api = InMemoryKubeAPI()
        let stored = try await api.apply(Self.deployment("web", namespace: "prod"), options: ApplyOptions())
        #expect(stored.value[path: ["metadata", "uid"]]?.stringValue?.isEmpty == false)
        #expect(stored.value[path: ["metadata", "generation"]] == 1)
        #expect(stored.value[path: ["metadata", "resourceVersion"]] != nil)
        #expect(stored.value["status"] == nil)  // status is not applied
        let fetched = try await api.get(Self.deploymentGVK, namespace: "prod", name: "web")
        #expect(fetched == stored)
        #expect(api.actions == ["apply Deployment/prod/web"])
    }

    @Test func reapplyingBumpsGenerationOnlyWhenSpecChanges() async throws {
        let api = InMemoryKubeAPI()
        let first = try await api.apply(Self.deployment("web", namespace: "prod"), options: ApplyOptions())
        let same = try await api.apply(Self.deployment("web", namespace: "prod"), options: ApplyOptions())
        #expect(same == first)
        var relabeled = Self.deployment("web", namespace: "prod")
        relabeled.setLabel("tier", "frontend")
        let labeled = try await api.apply(relabeled, options: ApplyOptions())
        #expect(labeled.value[path: ["metadata", "generation"]] == 1)
        #expect(labeled.value[path: ["metadata", "resourceVersion"]] != first.value[path: ["metadata", "resourceVersion"]])
        let scaled = try await api.apply(Self.deployment("web", namespace: "prod", replicas: 3), options: ApplyOptions())
        #expect(scaled.value[path: ["metadata", "generation"]] == 2)
        #expect(scaled.value[path: ["metadata", "uid"]] == first.value[path: ["metadata", "uid"]])
    }

    @Test func applyKeepsLiveStatusAndDryRunStoresNothing() async throws {
        let api = InMemoryKubeAPI(objects: [Self.deployment("web", namespace: "prod")])
        let key = ResourceKey(group: "apps", kind: "Deployment", namespace: "prod", name: "web")
        #expect(api.object(key)?.value[path: ["status", "readyReplicas"]] == 9)
        let dry = try await api.apply(Self.deployment("web", namespace: "prod", replicas: 5), options: ApplyOptions(dryRun: true))
        #expect(dry.value[path: ["spec", "replicas"]] == 5)
        #expect(api.object(key)?.value[path: ["spec", "replicas"]] == 1)
        let applied = try await api.apply(Self.deployment("web", namespace: "prod", replicas: 5), options: ApplyOptions())
        #expect(applied.value[path: ["status", "readyReplicas"]] == 9)
        #expect(api.actions == ["apply Deployment/prod/web"])
    }

    @Test func namespacedObjectsDefaultTheirNamespaceAndClusterScopedOnesHaveNone() async throws {
        let api = InMemoryKubeAPI(defaultNamespace: "team")
        let stored = try await api.apply(Self.deployment("web"), options: ApplyOptions())
        #expect(stored.namespace == "team")
        let ns = try await api.apply(KubeObject(["apiVersion": "v1", "kind": "Namespace",
                                                 "metadata": ["name": "prod", "namespace": "ignored"]]), options: ApplyOptions())
        #expect(ns.namespace == "")
        #expect(try await api.get(GroupVersionKind(group: "", version: "v1", kind: "Namespace"), namespace: "x", name: "prod") != nil)
    }

    @Test func listFiltersByNamespaceAndLabelSelector() async throws {
        let api = InMemoryKubeAPI(objects: [
            Self.deployment("a", namespace: "prod", labels: ["app": "web"]),
            Self.deployment("b", namespace: "prod", labels: ["app": "db"]),
            Self.deployment("c", namespace: "dev", labels: ["app": "web"]),
        ])
        #expect(try await api.list(Self.deploymentGVK, namespace: nil, labelSelector: nil).map(\.name) == ["c", "a", "b"])
        #expect(try await api.list(Self.deploymentGVK, namespace: "prod", labelSelector: nil).map(\.name) == ["a", "b"])
        #expect(try await api.list(Self.deploymentGVK, namespace: nil, labelSelector: "app=web").map(\.name) == ["c", "a"])
        #expect(try await api.list(Self.deploymentGVK, namespace: "prod", labelSelector: "app in (db, x)").map(\.name) == ["b"])
    }

    @Test func deleteRemovesObjectsAndToleratesMissingOnes() async throws {
        let api = InMemoryKubeAPI(objects: [Self.deployment("web", namespace: "prod")])
        try await api.delete(Self.deploymentGVK, namespace: "prod", name: "web", propagation: .foreground)
        try await api.delete(Self.deploymentGVK, namespace: "prod", name: "web", propagation: .background)
        #expect(try await api.get(Self.deploymentGVK, namespace: "prod", name: "web") == nil)
        #expect(api.actions == ["delete Deployment/prod/web"])
    }

    @Test func unknownKindsAndInjectedFailuresThrow() async throws {
        let api = InMemoryKubeAPI()
        let widget = GroupVersionKind(group: "example.com", version: "v1", kind: "Widget")
        await #expect(throws: KubeError.unknownKind(widget)) { _ = try await api.resource(for: widget) }
        api.register(APIResource(gvk: widget, name: "widgets", namespaced: true, verbs: ["get"]))
        #expect(try await api.resource(for: widget).name == "widgets")

        let conflict = KubeError(code: 409, reason: "Conflict", message: "boom")
        api.inject(conflict, on: .apply)
        await #expect(throws: conflict) { _ = try await api.apply(Self.deployment("web"), options: ApplyOptions()) }
        _ = try await api.apply(Self.deployment("web"), options: ApplyOptions())  // only the first call fails
    }

    @Test func requireNamespacesRejectsObjectsInMissingNamespaces() async throws {
        let api = InMemoryKubeAPI(requireNamespaces: true)
        await #expect(throws: KubeError.self) { _ = try await api.apply(Self.deployment("web", namespace: "prod"), options: ApplyOptions()) }
        _ = try await api.apply(KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "prod"]]), options: ApplyOptions())
        _ = try await api.apply(Self.deployment("web", namespace: "prod"), options: ApplyOptions())
        try await api.delete(GroupVersionKind(group: "", version: "v1", kind: "Namespace"), namespace: "", name: "prod", propagation: .background)
        #expect(api.storedObjects.isEmpty)  // deleting a namespace removes what was in it
    }
}

@Suite("Label selectors")
struct LabelSelectorTests {
    @Test func matchesEveryRequirementKind() throws {
        let labels = ["app": "web", "env": "prod"]
        #expect(try LabelSelector("").matches(labels))
        #expect(try LabelSelector("app=web,env==prod").matches(labels))
        #expect(try !LabelSelector("app!=web").matches(labels))
        #expect(try LabelSelector("env in (prod, staging),tier notin (db)").matches(labels))
        #expect(try LabelSelector("app,!tier").matches(labels))
        #expect(try !LabelSelector("tier").matches(labels))
    }

    @Test func rejectsMalformedSelectors() {
        #expect(throws: LabelSelectorError.self) { _ = try LabelSelector("app=web,,env=prod") }
        #expect(throws: LabelSelectorError.self) { _ = try LabelSelector("env in prod") }
    }
}
