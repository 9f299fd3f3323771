import FerryCore
import Foundation
import Testing
@testable import Sandbox

/// `kubectl patch --type strategic` against the sandbox: directives that only a schema-driven strategic merge
/// honours (`$retainKeys`, `$setElementOrder`) give the same object as kubectl's own client-side merge.
/// These join the serialized `KubectlTests` suite: kubectl runs block a cooperative thread while the sandbox
/// answers, so two kubectl suites running at once on a 2-core machine starve each other.
extension KubectlTests {
    static let strategicDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - {name: a, image: "a:1"}
              - {name: b, image: "b:1"}
        """
    static let strategicPatch = #"""
        {"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"},
                 "template":{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],
                                     "containers":[{"name":"a","image":"a:2"}]}}}}
        """#

    @Test func strategicPatchRetainKeysAndSetElementOrderMatchKubectlLocalPatch() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let kubectl = sandbox.kubectl
        try await kubectl.succeed(["create", "-f", "-"], stdin: Self.strategicDeployment)
        let out = try await kubectl.succeed(["patch", "deployment", "web", "--type", "strategic", "-p", Self.strategicPatch])
        #expect(out.contains("deployment.apps/web patched"))

        let live = try JSON.parse(try await kubectl.succeed(["get", "deployment", "web", "-o", "json"]))
        #expect(live[path: ["spec", "strategy"]] == ["type": "Recreate"])
        let containers = live[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? []
        #expect(containers.compactMap { $0["name"]?.stringValue } == ["b", "a"])
        #expect(containers.compactMap { $0["image"]?.stringValue } == ["b:1", "a:2"])

        // kubectl's client-side strategic merge (apimachinery) gives the same strategy and containers.
        let file = sandbox.directory.appendingPathComponent("web.yaml")
        try Self.strategicDeployment.write(to: file, atomically: true, encoding: .utf8)
        let local = try JSON.parse(try await kubectl.succeed(["patch", "--local", "-f", file.path, "--type", "strategic",
                                                   "-p", Self.strategicPatch, "-o", "json"]))
        #expect(live[path: ["spec", "strategy"]] == local[path: ["spec", "strategy"]])
        let localContainers = local[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? []
        #expect(containers.map { $0["name"] } == localContainers.map { $0["name"] })
        #expect(containers.map { $0["image"] } == localContainers.map { $0["image"] })
    }

    @Test func strategicPatchErrorsAreBadRequests() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let kubectl = sandbox.kubectl
        try await kubectl.succeed(["create", "-f", "-"], stdin: Self.strategicDeployment)
        let bad = #"{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate","rollingUpdate":{"maxSurge":2}}}}"#
        let result = try await kubectl.detached(["patch", "deployment", "web", "--type", "strategic", "-p", bad])
        #expect(result.status != 0)
        #expect(result.stderr.contains("retainKeys"), "\(result.stderr)")
    }
}

/// Server-side apply takes list keys from the Kubernetes schema (`x-kubernetes-list-map-keys`), not a table.
struct ServerSideApplySchemaTests {
    @Test func containerPortsAreKeyedByPortAndProtocol() {
        let pod: Value = ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"],
                          "spec": ["containers": [["name": "dns", "ports": [["containerPort": 53, "protocol": "UDP"],
                                                                           ["containerPort": 53, "protocol": "TCP"]]]],
                                   "tolerations": [["key": "a", "operator": "Exists"]]]]
        let paths = FieldSet(of: pod).paths
        let container: FieldPath = [.field("spec"), .field("containers"), .key(["name": "dns"])]
        #expect(paths.contains(container + [.field("ports"), .key(["containerPort": 53, "protocol": "UDP"])]))
        #expect(paths.contains(container + [.field("ports"), .key(["containerPort": 53, "protocol": "TCP"])]))
        // Tolerations are an atomic list: owned as one leaf.
        #expect(paths.contains([.field("spec"), .field("tolerations")]))
    }

    @Test func customResourceListsAreAtomic() {
        let widget: Value = ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w"],
                             "spec": ["containers": [["name": "a", "image": "x"]]]]
        #expect(FieldSet(of: widget).paths == [[.field("spec"), .field("containers")]])
    }

    @Test func applyMergesServicePortsByPortAndReplacesAtomicLists() {
        func service(_ ports: Value) -> Value {
            ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "s"], "spec": ["ports": ports]]
        }
        let first = ServerSideApply(manager: "a", force: false, apiVersion: "v1", now: "t")
        guard case .success(let live) = first.apply(service([["port": 80, "protocol": "TCP", "name": "http"]]), to: nil) else {
            Issue.record("apply failed"); return
        }
        let second = ServerSideApply(manager: "b", force: false, apiVersion: "v1", now: "t")
        guard case .success(let merged) = second.apply(service([["port": 443, "protocol": "TCP", "name": "https"]]),
                                                       to: live) else { Issue.record("apply failed"); return }
        #expect(merged[path: ["spec", "ports"]]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["http", "https"])
    }
}
