import FerryCore
import Foundation
import Testing
@testable import Sandbox

/// Object lifecycle through the simulated control plane, checked with the real kubectl: namespace
/// termination, ReplicaSets replacing deleted Pods, and the Pod `-o wide` columns.
@Suite struct LifecycleTests {
    static let finalized = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: held
          namespace: doomed
          finalizers: [example.com/hold]
        """

    @Test func deletingANamespaceTerminatesItUntilItsContentIsGone() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        try await k.succeed(["create", "namespace", "doomed"])
        #expect(try await k.succeed(["get", "ns", "doomed", "-o", "jsonpath={.spec.finalizers}/{.status.phase}"])
                == "[\"kubernetes\"]/Active")
        try await k.succeed(["apply", "-f", "-"], stdin: Self.finalized)
        try await k.succeed(["create", "configmap", "plain", "-n", "doomed"])

        #expect(try await k.succeed(["delete", "namespace", "doomed", "--wait=false"]) == "namespace \"doomed\" deleted\n")
        #expect(try await k.succeed(["get", "ns", "doomed", "-o", "jsonpath={.status.phase}"]) == "Terminating")
        #expect(try await k.succeed(["get", "ns", "doomed", "--no-headers"]).contains(" Terminating "))
        // The controller deletes what it can; the held ConfigMap only gets a deletionTimestamp.
        #expect(try await poll {
            try await k.succeed(["get", "configmap", "-n", "doomed", "-o", "name"]) == "configmap/held\n"
        })
        #expect(try await !k.succeed(["get", "configmap", "held", "-n", "doomed",
                                      "-o", "jsonpath={.metadata.deletionTimestamp}"]).isEmpty)
        #expect(try await poll {
            try await k.succeed(["get", "ns", "doomed", "-o",
                                 "jsonpath={.status.conditions[?(@.type==\"NamespaceFinalizersRemaining\")].message}"])
                == "Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances"
        })
        let described = try await k.succeed(["describe", "ns", "doomed"])
        #expect(described.contains("NamespaceContentRemaining"))
        #expect(described.contains("Some resources are remaining: configmaps. has 1 resource instances"))

        let refused = try await k.detached(["create", "configmap", "late", "-n", "doomed"], stdin: nil)
        #expect(refused.status != 0)
        #expect(refused.stderr == "error: failed to create configmap: configmaps \"late\" is forbidden: unable to create "
                + "new content in namespace doomed because it is being terminated\n")

        // Releasing the finalizer lets the namespace go; kubectl wait sees it deleted.
        try await k.succeed(["patch", "configmap", "held", "-n", "doomed", "--type=merge",
                             "-p", "{\"metadata\":{\"finalizers\":null}}"])
        try await k.succeed(["wait", "--for=delete", "namespace/doomed", "--timeout=15s"])
        let gone = try await k.detached(["get", "ns", "doomed"], stdin: nil)
        #expect(gone.stderr == "Error from server (NotFound): namespaces \"doomed\" not found\n")
    }

    @Test func kubectlDeleteNamespaceWaitsForTheControllerAndDefaultsAreImmortal() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        try await k.succeed(["create", "namespace", "brief"])
        try await k.succeed(["create", "deployment", "web", "--image=nginx", "-n", "brief"])
        #expect(try await poll { try await k.succeed(["get", "pods", "-n", "brief", "-o", "name"]).hasPrefix("pod/web-") })
        #expect(try await k.succeed(["delete", "namespace", "brief", "--timeout=15s"]) == "namespace \"brief\" deleted\n")
        #expect(try await k.detached(["get", "ns", "brief"], stdin: nil).status != 0)
        #expect(try await k.succeed(["get", "all", "-n", "brief", "-o", "name"]).isEmpty)
        for name in ["default", "kube-system", "kube-public"] {
            let refused = try await k.detached(["delete", "namespace", name], stdin: nil)
            #expect(refused.stderr == "Error from server (Forbidden): namespaces \"\(name)\" is forbidden: "
                    + "this namespace may not be deleted\n")
        }
    }

    @Test func createInATerminatingNamespaceIsForbiddenWithTheRealStatus() async throws {
        let http = try await SandboxHTTP.start()
        defer { Task { await http.cluster.stop() } }
        _ = try await http.send("POST", "/api/v1/namespaces", body: ["metadata": ["name": "going"]])
        _ = try await http.send("POST", "/api/v1/namespaces/going/configmaps",
                                body: ["metadata": ["name": "held", "finalizers": ["example.com/hold"]]])
        let deleted = try await http.send("DELETE", "/api/v1/namespaces/going")
        #expect(deleted.status == 200)
        #expect(deleted.json["kind"] == "Namespace" && deleted.json[path: ["status", "phase"]] == "Terminating")
        #expect(deleted.json[path: ["metadata", "deletionTimestamp"]] != nil)
        // Namespace admission runs before validation: even an invalid Deployment gets the 403.
        let refused = try await http.send("POST", "/apis/apps/v1/namespaces/going/deployments",
                                          body: ["metadata": ["name": "web"]])
        #expect(refused.status == 403)
        #expect(refused.json["reason"] == "Forbidden")
        #expect(refused.json["message"]?.stringValue == "deployments.apps \"web\" is forbidden: unable to create new content in namespace going "
                + "because it is being terminated")
        #expect(refused.json[path: ["details", "group"]] == "apps" && refused.json[path: ["details", "kind"]] == "deployments")
        let cause: Value = ["reason": "NamespaceTerminating", "message": "namespace going is being terminated",
                            "field": "metadata.namespace"]
        #expect(refused.json[path: ["details", "causes"]] == .array([cause]))
    }

    @Test func replicaSetsReplaceDeletedPodsAndScaleDown() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        try await k.succeed(["create", "deployment", "web", "--image=nginx", "--replicas=2"])
        func pods() async throws -> [String] {
            try await k.succeed(["get", "pods", "-l", "app=web", "-o", "name"]).split(separator: "\n").map(String.init)
        }
        #expect(try await poll { try await pods().count == 2 })
        let before = try await pods()
        let victim = try #require(before.first)
        try await k.succeed(["delete", victim, "--timeout=15s"])
        #expect(try await poll {
            let now = try await pods()
            return now.count == 2 && !now.contains(victim)
        })
        #expect(try await pods().contains(try #require(before.last)))
        try await k.succeed(["rollout", "status", "deployment/web", "--timeout=15s"])

        try await k.succeed(["scale", "deployment", "web", "--replicas=1"])
        #expect(try await poll { try await pods().count == 1 })
        #expect(try await poll {
            try await k.succeed(["get", "rs", "-l", "app=web", "-o",
                                 "jsonpath={.items[0].status.replicas}/{.items[0].status.readyReplicas}/"
                                 + "{.items[0].status.availableReplicas}/{.items[0].status.fullyLabeledReplicas}"]) == "1/1/1/1"
        })
        try await k.succeed(["rollout", "status", "deployment/web", "--timeout=15s"])
    }

    @Test func podsShowIPAndNodeInWideOutput() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        try await k.succeed(["run", "solo", "--image=nginx"])
        #expect(try await poll {
            try await k.succeed(["get", "pod", "solo", "-o", "jsonpath={.status.phase}"]) == "Running"
        })
        let wide = try await k.succeed(["get", "pods", "-o", "wide"]).split(separator: "\n")
        let header = wide.first.map { $0.split(separator: "  ", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(header == ["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"])
        let row = wide.dropFirst().first.map { $0.split(separator: " ").map(String.init) } ?? []
        let ip = try await k.succeed(["get", "pod", "solo", "-o", "jsonpath={.status.podIP}"])
        #expect(ip.hasPrefix("10.244."))
        #expect(row.count == 9 && row[0] == "solo" && row[5] == ip)
        #expect(Array(row.suffix(3)) == ["sandbox-control-plane", "<none>", "<none>"])
        #expect(try await k.succeed(["get", "pod", "solo", "-o", "jsonpath={.spec.nodeName}/{.status.hostIP}"])
                == "sandbox-control-plane/172.18.0.2")
    }

    @Test func foregroundDeletionKeepsTheOwnerUntilBlockingDependentsAreGone() async throws {
        let http = try await SandboxHTTP.start()
        defer { Task { await http.cluster.stop() } }
        let base = "/api/v1/namespaces/default/configmaps"
        let owner = try await http.send("POST", base, body: ["metadata": ["name": "owner"]])
        let uid = try #require(owner.json[path: ["metadata", "uid"]])
        let reference: Value = ["apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": uid,
                                "blockOwnerDeletion": true]
        _ = try await http.send("POST", base, body: ["metadata": ["name": "child", "finalizers": ["example.com/hold"],
                                                                  "ownerReferences": [reference]]])
        let start = try http.cluster.store.currentResourceVersion()

        let deleted = try await http.send("DELETE", base + "/owner", body: ["kind": "DeleteOptions", "apiVersion": "v1",
                                                                           "propagationPolicy": "Foreground"])
        #expect(deleted.status == 200)
        #expect(deleted.json[path: ["metadata", "finalizers"]] == ["foregroundDeletion"])
        #expect(deleted.json[path: ["metadata", "deletionTimestamp"]] != nil)
        // The collector marks the child; the owner stays while the child blocks it.
        #expect(try await poll { try await http.send("GET", base + "/child").json[path: ["metadata", "deletionTimestamp"]] != nil })
        #expect(try await http.send("GET", base + "/owner").status == 200)

        _ = try await http.send("PATCH", base + "/child", body: ["metadata": ["finalizers": nil]],
                                headers: [(name: "Content-Type", value: "application/merge-patch+json")])
        #expect(try await poll { try await http.send("GET", base + "/owner").status == 404 })
        let stream = try await http.send("GET", base + "?watch=1&timeoutSeconds=1&resourceVersion=\(start)"
                                         + "&fieldSelector=metadata.name%3Downer")
        let events = String(decoding: stream.response.body, as: UTF8.self).split(separator: "\n").compactMap { try? JSON.parse(String($0)) }
        #expect(events.compactMap { $0["type"]?.stringValue } == ["MODIFIED", "DELETED"])
        #expect(events.first?[path: ["object", "metadata", "deletionTimestamp"]] != nil)
    }

    @Test func orphanDeletionReleasesDependentsBeforeTheOwnerGoes() async throws {
        let http = try await SandboxHTTP.start()
        defer { Task { await http.cluster.stop() } }
        let base = "/api/v1/namespaces/default/configmaps"
        let owner = try await http.send("POST", base, body: ["metadata": ["name": "owner"]])
        let uid = try #require(owner.json[path: ["metadata", "uid"]])
        _ = try await http.send("POST", base, body: ["metadata": ["name": "child", "ownerReferences": [
            ["apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": uid]]]])
        let deleted = try await http.send("DELETE", base + "/owner?propagationPolicy=Orphan")
        #expect(deleted.json[path: ["metadata", "finalizers"]] == ["orphan"])
        #expect(try await poll { try await http.send("GET", base + "/owner").status == 404 })
        let child = try await http.send("GET", base + "/child")
        #expect(child.status == 200 && child.json[path: ["metadata", "ownerReferences"]] == nil)
    }

    @Test func collectionLeftUnfinishedByAStoppedSandboxResumesAfterARestart() async throws {
        // A control plane too slow to act before the stop leaves both owners waiting for the collector.
        let first = try await SandboxHTTP.start(SandboxOptions(simulationDelay: .seconds(3600)))
        let base = "/api/v1/namespaces/default/configmaps"
        for owner in ["orphaning", "foreground"] {
            let created = try await first.send("POST", base, body: ["metadata": ["name": .string(owner)]])
            let uid = try #require(created.json[path: ["metadata", "uid"]])
            _ = try await first.send("POST", base, body: ["metadata": ["name": .string(owner + "-child"), "ownerReferences": [
                ["apiVersion": "v1", "kind": "ConfigMap", "name": .string(owner), "uid": uid, "blockOwnerDeletion": true]]]])
        }
        #expect(try await first.send("DELETE", base + "/orphaning?propagationPolicy=Orphan").json[path: ["metadata", "finalizers"]]
                == ["orphan"])
        #expect(try await first.send("DELETE", base + "/foreground?propagationPolicy=Foreground").json[path: ["metadata", "finalizers"]]
                == ["foregroundDeletion"])
        await first.cluster.stop()

        let second = try await SandboxHTTP.start(directory: first.cluster.dataDirectory)
        defer { Task { await second.cluster.stop() } }
        #expect(try await poll { try await second.send("GET", base + "/orphaning").status == 404 })
        let released = try await second.send("GET", base + "/orphaning-child")
        #expect(released.status == 200 && released.json[path: ["metadata", "ownerReferences"]] == nil)
        #expect(try await poll { try await second.send("GET", base + "/foreground").status == 404 })
        #expect(try await second.send("GET", base + "/foreground-child").status == 404)
    }
}
