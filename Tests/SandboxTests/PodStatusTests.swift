import FerryCore
import Foundation
import Testing
@testable import Sandbox

/// The Pod STATUS column as kubectl words it, from the Table the sandbox serves.
@Suite struct PodStatusTests {
    static let pods = try! Discovery.load().resource(group: "", version: "v1", name: "pods")!

    /// The STATUS cell of one pod's Table row.
    static func status(_ pod: Value) -> String? {
        let table = Table.render([pod], pods, resourceVersion: "1")
        let names = table["columnDefinitions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        guard let column = names.firstIndex(of: "Status") else { return nil }
        return table["rows"]?.arrayValue?.first?["cells"]?.arrayValue?[column].stringValue
    }

    static func pod(status: Value, initContainers: Int = 0, deleting: Bool = false) -> Value {
        var pod: Value = ["metadata": ["name": "p", "namespace": "default", "creationTimestamp": "2026-01-01T00:00:00Z"],
                          "spec": ["containers": [["name": "app", "image": "nginx"]],
                                   "initContainers": .array((0..<initContainers).map { ["name": .string("init\($0)")] })],
                          "status": status]
        if deleting { pod[path: ["metadata", "deletionTimestamp"]] = "2026-01-01T00:01:00Z" }
        return pod
    }

    static func container(_ state: Value, ready: Bool = false) -> Value {
        ["name": "c", "ready": .bool(ready), "state": state]
    }

    @Test func statusFollowsKubectlsRules() {
        #expect(Self.status(Self.pod(status: ["phase": "Running"])) == "Running")
        #expect(Self.status(Self.pod(status: ["phase": "Failed", "reason": "Evicted"])) == "Evicted")
        #expect(Self.status(Self.pod(status: ["phase": "Pending", "containerStatuses": [
            Self.container(["waiting": ["reason": "ContainerCreating"]])]])) == "ContainerCreating")
        #expect(Self.status(Self.pod(status: ["phase": "Running", "containerStatuses": [
            Self.container(["waiting": ["reason": "CrashLoopBackOff"]])]])) == "CrashLoopBackOff")
        #expect(Self.status(Self.pod(status: ["phase": "Succeeded", "containerStatuses": [
            Self.container(["terminated": ["exitCode": 0, "reason": "Completed"]])]])) == "Completed")
        #expect(Self.status(Self.pod(status: ["phase": "Failed", "containerStatuses": [
            Self.container(["terminated": ["exitCode": 137, "signal": 9]])]])) == "Signal:9")
        #expect(Self.status(Self.pod(status: ["phase": "Failed", "containerStatuses": [
            Self.container(["terminated": ["exitCode": 3]])]])) == "ExitCode:3")
    }

    @Test func initContainersShowProgressAndFailures() {
        let done = Self.container(["terminated": ["exitCode": 0, "reason": "Completed"]])
        #expect(Self.status(Self.pod(status: ["phase": "Pending", "initContainerStatuses": [
            done, Self.container(["running": ["startedAt": "x"]])]], initContainers: 2)) == "Init:1/2")
        #expect(Self.status(Self.pod(status: ["phase": "Pending", "initContainerStatuses": [
            Self.container(["waiting": ["reason": "CrashLoopBackOff"]])]], initContainers: 1)) == "Init:CrashLoopBackOff")
        #expect(Self.status(Self.pod(status: ["phase": "Pending", "initContainerStatuses": [
            Self.container(["terminated": ["exitCode": 1, "reason": "Error"]])]], initContainers: 1)) == "Init:Error")
    }

    @Test func aPodBeingDeletedIsTerminatingUnlessItsPhaseIsFinal() {
        #expect(Self.status(Self.pod(status: ["phase": "Running"], deleting: true)) == "Terminating")
        #expect(Self.status(Self.pod(status: ["phase": "Running", "reason": "NodeLost"], deleting: true)) == "Unknown")
        #expect(Self.status(Self.pod(status: ["phase": "Succeeded"], deleting: true)) == "Succeeded")
    }

    @Test func kubectlShowsTerminatingWhileAFinalizerHoldsThePod() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let k = sandbox.kubectl
        try await k.succeed(["apply", "-f", "-"], stdin: """
            apiVersion: v1
            kind: Pod
            metadata:
              name: held
              finalizers: [example.com/hold]
            spec:
              containers: [{name: app, image: nginx}]
            """)
        #expect(try await poll { try await k.succeed(["get", "pod", "held", "-o", "jsonpath={.status.phase}"]) == "Running" })
        try await k.succeed(["delete", "pod", "held", "--wait=false"])
        let row = try await k.succeed(["get", "pod", "held", "--no-headers"]).split(separator: " ").map(String.init)
        #expect(row.count >= 3 && row[2] == "Terminating", "\(row)")
        try await k.succeed(["patch", "pod", "held", "--type=merge", "-p", "{\"metadata\":{\"finalizers\":null}}"])
        try await k.succeed(["wait", "--for=delete", "pod/held", "--timeout=15s"])
    }
}
