import FerryCore
import Foundation
import Testing
@testable import KubeClient

/// HTTPKubeAPI against the fake API surface of `TestHTTPServer` (canned discovery and failures).
@Suite("HTTPKubeAPI against a fake API server")
struct HTTPKubeAPITests {
    static let configMap = GroupVersionKind(group: "", version: "v1", kind: "ConfigMap")

    static func api(_ server: TestHTTPServer, namespace: String = "prod") -> HTTPKubeAPI {
        HTTPKubeAPI(connection: KubeConnection(server: server.url(""), namespace: namespace))
    }

    @Test func discoveryMapsKindsSkipsSubresourcesAndBrokenGroups() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let resources = try await Self.api(server).resources(refresh: false)
        #expect(resources.map(\.name) == ["configmaps", "namespaces", "deployments"])
        let deployments = try await Self.api(server).resource(for: GroupVersionKind(group: "apps", version: "v1", kind: "Deployment"))
        #expect(deployments.namespaced && deployments.name == "deployments")
        #expect(resources.first?.shortNames == ["cm"])
    }

    @Test func applyIsAServerSidePatchWithFieldManager() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let object = KubeObject(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "settings"], "data": ["a": "1"]])
        let stored = try await Self.api(server).apply(object, options: ApplyOptions(dryRun: true))
        #expect(stored.annotations["seen/method"] == "PATCH")
        #expect(stored.annotations["seen/path"] == "/api/v1/namespaces/prod/configmaps/settings?fieldManager=ferry&force=true&dryRun=All")
        #expect(stored.annotations["seen/content-type"] == "application/apply-patch+yaml")
        #expect(stored.namespace == "prod")  // default namespace filled in
        #expect(stored.value[path: ["data", "a"]] == "1")
    }

    @Test func clusterScopedObjectsHaveNoNamespaceSegment() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let ns = KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "kube-system", "namespace": "x"]])
        let stored = try await Self.api(server).apply(ns, options: ApplyOptions(force: false))
        #expect(stored.annotations["seen/path"] == "/api/v1/namespaces/kube-system?fieldManager=ferry")
        #expect(stored.namespace == "")
    }

    @Test func serverStatusBecomesAnErrorNamingTheObject() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let object = KubeObject(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "invalid", "namespace": "prod"]])
        do {
            _ = try await Self.api(server).apply(object, options: ApplyOptions())
            Issue.record("expected apply to fail")
        } catch let error as KubeError {
            #expect(error.code == 422 && error.reason == "Invalid")
            #expect(error.description == #"ConfigMap/prod/invalid: apply failed: ConfigMap "invalid" is invalid: data: Invalid value (Invalid, HTTP 422)"#)
        }
        var forbidden = object
        forbidden.name = "forbidden"
        await #expect(throws: KubeError(code: 403, reason: "Forbidden",
                                         message: #"ConfigMap/prod/forbidden: apply failed: configmaps "forbidden" is forbidden: User "x" cannot patch"#)) {
            _ = try await Self.api(server).apply(forbidden, options: ApplyOptions())
        }
    }

    @Test func getReturnsNilForMissingAndRetriesTransientFailures() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let api = Self.api(server)
        #expect(try await api.get(Self.configMap, namespace: "prod", name: "missing") == nil)
        let flaky = try await api.get(Self.configMap, namespace: "prod", name: "flaky")
        #expect(flaky?.name == "flaky")
    }

    @Test func listFollowsPagesAndFillsKindAndAPIVersion() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let items = try await Self.api(server).list(Self.configMap, namespace: "prod", labelSelector: "app in (web),tier!=db")
        #expect(items.map(\.name) == ["a", "b"])
        #expect(items.allSatisfy { $0.kind == "ConfigMap" && $0.apiVersion == "v1" })
        #expect(items.first?.annotations["query"] == "limit=500&labelSelector=app%20in%20%28web%29%2Ctier%21%3Ddb")
        let all = try await Self.api(server).list(Self.configMap, namespace: nil, labelSelector: nil)
        #expect(all.count == 2)
    }

    @Test func deleteSendsPropagationPolicyAndIgnoresMissing() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let api = Self.api(server)
        try await api.delete(Self.configMap, namespace: "prod", name: "old", propagation: .foreground)
        try await api.delete(Self.configMap, namespace: "prod", name: "missing", propagation: .background)
        await #expect(throws: KubeError.self) {
            try await api.delete(Self.configMap, namespace: "prod", name: "conflict", propagation: .background)
        }
    }

    @Test func unknownKindsAreReportedAsSuch() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let widget = GroupVersionKind(group: "example.com", version: "v1", kind: "Widget")
        await #expect(throws: KubeError.unknownKind(widget)) {
            _ = try await Self.api(server).get(widget, namespace: "prod", name: "w")
        }
    }
}
