import FerryCore
import Foundation
import Testing
@testable import Sandbox

/// Aggregated discovery (`apidiscovery.k8s.io/v2`) over HTTP, with the Accept header client-go sends.
struct AggregatedDiscoveryTests {
    static let accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
        + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"

    private func resource(_ document: Value, group: String, version: String, _ name: String) -> Value? {
        let item = document["items"]?.arrayValue?.first { ($0[path: ["metadata", "name"]]?.stringValue ?? "") == group }
        let entry = item?["versions"]?.arrayValue?.first { $0["version"]?.stringValue == version }
        return entry?["resources"]?.arrayValue?.first { $0["resource"]?.stringValue == name }
    }

    @Test func acceptHeaderPicksAggregatedOrLegacyDocument() {
        #expect(AggregatedDiscovery.requestedVersion(Self.accept) == "v2")
        #expect(AggregatedDiscovery.requestedVersion(
            "application/json;as=APIGroupDiscoveryList;v=v2beta1;g=apidiscovery.k8s.io") == "v2beta1")
        #expect(AggregatedDiscovery.requestedVersion(
            "application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList") == "v2")
        #expect(AggregatedDiscovery.requestedVersion("application/json") == nil)
        #expect(AggregatedDiscovery.requestedVersion("application/json, application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList") == nil)
        #expect(AggregatedDiscovery.requestedVersion(nil) == nil)
        #expect(AggregatedDiscovery.requestedVersion("application/json;g=apidiscovery.k8s.io;v=v1;as=APIGroupDiscoveryList") == nil)
    }

    @Test func apisServesGroupsVersionsResourcesAndSubresources() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        let (status, document, response) = try await sandbox.send("GET", "/apis", headers: [(name: "Accept", value: Self.accept)])
        #expect(status == 200)
        #expect(response.headers.first { $0.name.lowercased() == "content-type" }?.value
            == "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
        #expect(document["kind"] == "APIGroupDiscoveryList" && document["apiVersion"] == "apidiscovery.k8s.io/v2")
        let names = (document["items"]?.arrayValue ?? []).compactMap { $0[path: ["metadata", "name"]]?.stringValue }
        #expect(names.contains("apps") && names.contains("batch") && !names.contains(""))
        let autoscaling = document["items"]?.arrayValue?.first { $0[path: ["metadata", "name"]] == "autoscaling" }
        #expect(autoscaling?["versions"]?.arrayValue?.compactMap { $0["version"]?.stringValue } == ["v2", "v1"])
        #expect(autoscaling?["versions"]?.arrayValue?.first?["freshness"] == "Current")

        let deployments = try #require(resource(document, group: "apps", version: "v1", "deployments"))
        #expect(deployments["responseKind"] == ["group": "", "version": "", "kind": "Deployment"])
        #expect(deployments["scope"] == "Namespaced" && deployments["singularResource"] == "deployment")
        #expect(deployments["shortNames"] == ["deploy"] && deployments["categories"] == ["all"])
        #expect(deployments["verbs"]?.arrayValue?.contains("watch") == true)
        let subresources = deployments["subresources"]?.arrayValue ?? []
        let scale = try #require(subresources.first { $0["subresource"] == "scale" })
        #expect(scale["responseKind"] == ["group": "autoscaling", "version": "v1", "kind": "Scale"])
        #expect(scale["verbs"] == ["get", "patch", "update"])
        #expect(subresources.contains { $0["subresource"] == "status" && $0[path: ["responseKind", "kind"]] == "Deployment" })
        #expect(resource(document, group: "rbac.authorization.k8s.io", version: "v1", "clusterroles")?["scope"] == "Cluster")

        let (_, core, coreResponse) = try await sandbox.send("GET", "/api", headers: [(name: "Accept", value: Self.accept)])
        #expect(coreResponse.headers.first { $0.name.lowercased() == "content-type" }?.value
            == "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
        #expect(core["items"]?.arrayValue?.count == 1)
        #expect(core["items"]?.arrayValue?.first?["metadata"] == ["creationTimestamp": .null])
        let pods = try #require(resource(core, group: "", version: "v1", "pods"))
        #expect(pods["shortNames"] == ["po"])
        #expect(pods["subresources"]?.arrayValue?.contains { $0["subresource"] == "log" } == true)

        let (_, legacy, legacyResponse) = try await sandbox.send("GET", "/apis")
        #expect(legacy["kind"] == "APIGroupList")
        #expect(legacyResponse.headers.first { $0.name.lowercased() == "content-type" }?.value == "application/json")
    }

    @Test func establishedCRDGroupAppearsInAggregatedDiscovery() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        let crd = try YAML.parse(KubectlTests.scaledWidgetCRD, file: "crd")
        let (created, _, _) = try await sandbox.send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", body: crd)
        #expect(created == 201)
        let (_, document, _) = try await sandbox.send("GET", "/apis", headers: [(name: "Accept", value: Self.accept)])
        let widgets = try #require(resource(document, group: "example.com", version: "v1", "widgets"))
        #expect(widgets["responseKind"] == ["group": "example.com", "version": "v1", "kind": "Widget"])
        #expect(widgets["scope"] == "Namespaced" && widgets["singularResource"] == "widget")
        #expect(widgets["shortNames"] == ["wd"] && widgets["categories"] == ["all"])
        let subresources = widgets["subresources"]?.arrayValue ?? []
        #expect(subresources.contains { $0["subresource"] == "status"
            && $0["responseKind"] == ["group": "example.com", "version": "v1", "kind": "Widget"] })
        #expect(subresources.contains { $0["subresource"] == "scale" && $0[path: ["responseKind", "kind"]] == "Scale" })

        let (deleted, _, _) = try await sandbox.send("DELETE", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com")
        #expect(deleted == 200)
        let (_, after, _) = try await sandbox.send("GET", "/apis", headers: [(name: "Accept", value: Self.accept)])
        #expect(resource(after, group: "example.com", version: "v1", "widgets") == nil)
    }
}

/// Real kubectl reads aggregated discovery and never asks for the per-group-version documents.
extension KubectlTests {
    static let scaledWidgetCRD = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd], categories: [all]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
              scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas}
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
        """

    /// Discovery requests in kubectl's `-v=6` log that fetch a legacy group-version document.
    static func legacyDiscoveryRequests(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { line in
            guard let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://") || $0.hasPrefix("https://") }),
                  let path = URL(string: String(url))?.path else { return false }
            let parts = path.split(separator: "/")
            return (parts.first == "api" && parts.count == 2) || (parts.first == "apis" && parts.count == 3)
        }
    }

    @Test func kubectlUsesAggregatedDiscoveryEvenRightAfterACRDIsCreated() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let kubectl = sandbox.kubectl
        let resources = try await kubectl.detached(["api-resources", "-v=6"])
        #expect(resources.status == 0)
        #expect(resources.stdout.contains("deployments") && resources.stdout.contains("apps/v1"))
        #expect(resources.stderr.contains("/apis?timeout") && resources.stderr.contains("/api?timeout"), "\(resources.stderr)")
        #expect(Self.legacyDiscoveryRequests(resources.stderr).isEmpty, "\(resources.stderr)")
        #expect(Self.legacyDiscoveryRequests("I1122 round_trippers.go:560] GET http://127.0.0.1:1/apis/apps/v1?timeout=20s 200 OK")
            .count == 1, "the log check recognises a legacy request")

        // The cached discovery does not know widgets yet: kubectl refreshes it, from /api and /apis only.
        try await kubectl.succeed(["apply", "-f", "-"], stdin: Self.scaledWidgetCRD)
        let get = try await kubectl.detached(["get", "widgets", "-v=6"])
        #expect(get.status == 0 && get.stderr.contains("No resources found in default namespace."), "\(get.stderr)")
        #expect(get.stderr.contains("/apis?timeout"), "discovery was refreshed: \(get.stderr)")
        #expect(Self.legacyDiscoveryRequests(get.stderr).isEmpty, "\(get.stderr)")
        try await kubectl.succeed(["apply", "-f", "-"], stdin: Self.widget)
        #expect(try await kubectl.succeed(["get", "widgets"]).contains("w "))
        let listed = try await kubectl.succeed(["api-resources", "--api-group=example.com"])
        #expect(listed.contains("widgets") && listed.contains("wd") && listed.contains("example.com/v1"))
        #expect(try await kubectl.succeed(["scale", "widget", "w", "--replicas=4"]).contains("widget.example.com/w scaled"))
        #expect(try await kubectl.succeed(["get", "wd", "w", "-o", "jsonpath={.spec.replicas}"]) == "4")
    }
}
