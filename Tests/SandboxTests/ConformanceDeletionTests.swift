import FerryCore
import Foundation
import Testing
@testable import Sandbox

/// The deletion half of the kubectl conformance suite (the command list is in ConformanceTests.swift):
/// cascading deletes, owned ReplicaSets and Pods, finalizers and deletecollection.
extension KubectlTests {
    @Test func deleteCollectionHonoursSelectorsAndAnswersWithTheDeletedList() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        for name in ["a", "b", "c"] { try await k.succeed(["create", "configmap", name]) }
        try await k.succeed(["label", "configmap", "a", "b", "group=x"])
        let path = "/api/v1/namespaces/default/configmaps?labelSelector=group%3Dx"
        let dry = try JSON.parse(try await k.succeed(["delete", "--raw", path + "&dryRun=All"]))
        #expect(dry["kind"] == "ConfigMapList" && dry["items"]?.arrayValue?.count == 2)
        #expect(try await k.succeed(["get", "configmap", "-o", "name"]) == "configmap/a\nconfigmap/b\nconfigmap/c\n")
        let deleted = try JSON.parse(try await k.succeed(["delete", "--raw", path]))
        #expect(deleted["items"]?.arrayValue?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } == ["a", "b"])
        #expect(try await k.succeed(["get", "configmap", "-o", "name"]) == "configmap/c\n")
    }

    @Test func deleteCascadeModesHandleDependents() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        for mode in ["orphan", "background", "foreground"] {
            let uid = try await ownerWithChildren(k, owner: "owner-\(mode)", children: ["\(mode)-a", "\(mode)-b"])
            #expect(!uid.isEmpty)
            let out = try await k.succeed(["delete", "configmap", "owner-\(mode)", "--cascade=\(mode)", "--timeout=15s"])
            #expect(out == "configmap \"owner-\(mode)\" deleted\n")
        }
        let names = try await k.succeed(["get", "configmap", "-o", "name"])
        #expect(names == "configmap/orphan-a\nconfigmap/orphan-b\n")
        #expect(try await k.succeed(["get", "configmap", "orphan-a", "-o", "jsonpath={.metadata.ownerReferences}"]).isEmpty)
        #expect(try await k.succeed(["delete", "configmap", "--all"])
                == "configmap \"orphan-a\" deleted\nconfigmap \"orphan-b\" deleted\n")
    }

    @Test func deploymentsOwnReplicaSetsAndPodsThatCascadeWithTheirOwner() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        try await k.succeed(["apply", "-f", "-"], stdin: Self.oneContainer)
        #expect(try await poll { try await k.succeed(["get", "pods", "-l", "app=web", "-o", "name"]).split(separator: "\n").count == 2 })
        let pods = try await k.succeed(["get", "pods", "-l", "app=web"])
        let podRows = pods.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(podRows.first == ["NAME", "READY", "STATUS", "RESTARTS", "AGE"])
        #expect(podRows.dropFirst().allSatisfy { $0.count == 5 && $0[0].hasPrefix("web-") && $0[1...3] == ["1/1", "Running", "0"] })
        let rsRows = try await k.succeed(["get", "rs"]).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rsRows.first == ["NAME", "DESIRED", "CURRENT", "READY", "AGE"])
        let owner = try await k.succeed(["get", "rs", "-o", "jsonpath={.items[0].metadata.ownerReferences[0].kind}/"
                                         + "{.items[0].metadata.ownerReferences[0].name}"])
        #expect(owner == "Deployment/web")

        // Orphan: the ReplicaSet and its Pods stay, without the owner reference.
        #expect(try await k.succeed(["delete", "deployment", "web", "--cascade=orphan"]) == "deployment.apps \"web\" deleted\n")
        #expect(try await k.succeed(["get", "rs", "-o", "jsonpath={.items[*].metadata.ownerReferences}"]).isEmpty)
        #expect(try await k.succeed(["get", "pods", "-o", "name"]).split(separator: "\n").count == 2)
        // Background: deleting the ReplicaSet takes its Pods.
        let rs = try await k.succeed(["get", "rs", "-o", "name"]).trimmingCharacters(in: .newlines)
        try await k.succeed(["delete", rs, "--cascade=background"])
        #expect(try await poll { try await k.succeed(["get", "pods", "-o", "name"]).isEmpty })

        // Foreground: Deployment, ReplicaSet and Pods all go.
        try await k.succeed(["apply", "-f", "-"], stdin: Self.oneContainer)
        #expect(try await poll { try await k.succeed(["get", "pods", "-o", "name"]).split(separator: "\n").count == 2 })
        try await k.succeed(["delete", "deployment", "web", "--cascade=foreground", "--timeout=15s"])
        #expect(try await k.succeed(["get", "rs,pods", "-o", "name"]).isEmpty)
    }

    @Test func finalizersHoldDeletionUntilRemoved() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        try await k.succeed(["create", "-f", "-"], stdin: """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: held, finalizers: [example.com/hold]}
            """)
        #expect(try await k.succeed(["delete", "configmap", "held", "--wait=false"]) == "configmap \"held\" deleted\n")
        #expect(try await k.succeed(["get", "configmap", "held", "-o", "jsonpath={.metadata.deletionTimestamp}"]) != "")
        let watchers = sandbox.cluster.store.feed.subscriberCount
        let wait = try KubectlStream(kubeconfig: sandbox.cluster.kubeconfigPath,
                                     ["wait", "--for=delete", "configmap/held", "--timeout=15s"])
        defer { wait.kill() }
        // Once kubectl watches, removing the last finalizer deletes the object and the wait ends.
        #expect(try await poll { sandbox.cluster.store.feed.subscriberCount > watchers })
        #expect(try await k.succeed(["patch", "configmap", "held", "--type", "merge", "-p", #"{"metadata":{"finalizers":null}}"#])
                == "configmap/held patched\n")
        let (status, output) = try await wait.finish(within: 60)
        #expect(status == 0)
        #expect(output == "configmap/held condition met\n")
    }

    /// Creates ConfigMap `owner` and `children` that name it in `ownerReferences`; returns the owner's uid.
    private func ownerWithChildren(_ k: Kubectl, owner: String, children: [String]) async throws -> String {
        try await k.succeed(["create", "configmap", owner])
        let uid = try await k.succeed(["get", "configmap", owner, "-o", "jsonpath={.metadata.uid}"])
        for child in children {
            try await k.succeed(["create", "-f", "-"], stdin: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: \(child)
                  ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: \(owner), uid: \(uid)}]
                """)
        }
        return uid
    }
}
