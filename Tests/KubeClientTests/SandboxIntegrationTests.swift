import FerryCore
import Foundation
import Sandbox
import Testing
@testable import KubeClient

/// HTTPKubeAPI against the real sandbox cluster, connected through the kubeconfig the sandbox writes.
@Suite("HTTPKubeAPI against the sandbox cluster")
struct SandboxIntegrationTests {
    static let configMap = GroupVersionKind(group: "", version: "v1", kind: "ConfigMap")
    static let namespace = GroupVersionKind(group: "", version: "v1", kind: "Namespace")

    /// Runs `body` with a client for a fresh sandbox, stopping the sandbox afterwards.
    static func withSandbox(_ body: (HTTPKubeAPI) async throws -> Void) async throws {
        let dir = try TempDirectory.make()
        let cluster = try SandboxCluster(dataDirectory: dir)
        _ = try await cluster.start()
        do {
            let connection = try KubeConfig.load(path: cluster.kubeconfigPath.path).connection()
            try await body(HTTPKubeAPI(connection: connection))
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
        try? FileManager.default.removeItem(at: dir)
    }

    static func configMap(_ name: String, data: Value, labels: Value = [:], namespace: String = "it") -> KubeObject {
        KubeObject(["apiVersion": "v1", "kind": "ConfigMap",
                    "metadata": ["name": .string(name), "namespace": .string(namespace), "labels": labels], "data": data])
    }

    @Test func discoveryKnowsBuiltinKindsAndScopes() async throws {
        try await Self.withSandbox { api in
            let deployments = try await api.resource(for: GroupVersionKind(group: "apps", version: "v1", kind: "Deployment"))
            #expect(deployments.name == "deployments" && deployments.namespaced)
            #expect(try await api.resource(for: Self.namespace).namespaced == false)
            #expect(try await api.resources(refresh: false).allSatisfy { !$0.name.contains("/") })
        }
    }

    @Test func appliesGetsListsAndDeletesObjects() async throws {
        try await Self.withSandbox { api in
            _ = try await api.apply(KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "it"]]),
                                    options: ApplyOptions())
            let created = try await api.apply(Self.configMap("web", data: ["a": "1"], labels: ["app": "web"]), options: ApplyOptions())
            #expect(created.value[path: ["metadata", "uid"]]?.stringValue?.isEmpty == false)
            _ = try await api.apply(Self.configMap("db", data: ["a": "1"], labels: ["app": "db"]), options: ApplyOptions())
            _ = try await api.apply(Self.configMap("web", data: ["a": "2"], labels: ["app": "web"]), options: ApplyOptions())

            let fetched = try await api.get(Self.configMap, namespace: "it", name: "web")
            #expect(fetched?.value[path: ["data", "a"]] == "2")
            let selected = try await api.list(Self.configMap, namespace: "it", labelSelector: "app=web")
            #expect(selected.map(\.name) == ["web"])
            #expect(selected.first?.kind == "ConfigMap" && selected.first?.apiVersion == "v1")

            try await api.delete(Self.configMap, namespace: "it", name: "web", propagation: .background)
            #expect(try await api.get(Self.configMap, namespace: "it", name: "web") == nil)
            try await api.delete(Self.configMap, namespace: "it", name: "web", propagation: .background)
        }
    }

    @Test func dryRunDoesNotStore() async throws {
        try await Self.withSandbox { api in
            let preview = try await api.apply(Self.configMap("preview", data: ["a": "1"], namespace: "default"),
                                              options: ApplyOptions(dryRun: true))
            #expect(preview.name == "preview")
            #expect(try await api.get(Self.configMap, namespace: "default", name: "preview") == nil)
        }
    }

    @Test func conflictsAndInvalidObjectsBecomeNamedErrors() async throws {
        try await Self.withSandbox { api in
            _ = try await api.apply(Self.configMap("shared", data: ["a": "1"], namespace: "default"),
                                    options: ApplyOptions(fieldManager: "someone-else"))
            do {
                _ = try await api.apply(Self.configMap("shared", data: ["a": "2"], namespace: "default"),
                                        options: ApplyOptions(force: false))
                Issue.record("expected a conflict")
            } catch let error as KubeError {
                #expect(error.code == 409 && error.reason == "Conflict")
                #expect(error.message.hasPrefix("ConfigMap/default/shared: apply failed: "))
            }
            do {
                _ = try await api.apply(Self.configMap("Bad_Name", data: [:], namespace: "default"), options: ApplyOptions())
                Issue.record("expected an invalid-object error")
            } catch let error as KubeError {
                #expect(error.code == 422 && error.reason == "Invalid")
                #expect(error.message.hasPrefix("ConfigMap/default/Bad_Name: apply failed: "))
            }
        }
    }
}
