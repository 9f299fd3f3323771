import FerryCore
import Foundation
import Testing
@testable import Sandbox

/// Real kubectl against a running sandbox: it is the judge of fidelity.
@Suite(.serialized)
struct KubectlTests {
    @Test func getNamespacesListsTheFourDefaults() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let out = try await sandbox.kubectl.succeed(["get", "ns"])
        for name in ["default", "kube-system", "kube-public", "kube-node-lease"] { #expect(out.contains(name)) }
        let version = try await sandbox.kubectl.succeed(["version", "-o", "json"])
        #expect(version.contains("v1.37.0-sandbox"))
    }

    @Test func serverSideApplyCreatesObjectsAndReapplyRemovesDroppedFields() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let kubectl = sandbox.kubectl
        let applied = try await kubectl.succeed(["apply", "--server-side", "-f", "-"], stdin: Fixtures.web())
        #expect(applied.contains("deployment.apps/web serverside-applied"))
        #expect(applied.contains("service/web serverside-applied"))
        #expect(applied.contains("configmap/web-config serverside-applied"))

        let yaml = try await kubectl.succeed(["get", "deploy", "web", "-o", "yaml", "--show-managed-fields"])
        for text in ["name: DEBUG", "containerPort: 9090", "tier: frontend", "uid:", "resourceVersion:",
                     "manager: kubectl", "operation: Apply", "f:containers:", "k:{\"name\":\"web\"}:", "k:{\"containerPort\":9090,\"protocol\":\"TCP\"}:"] {
            #expect(yaml.contains(text), "missing \(text)")
        }
        let generation = try await jsonpath(kubectl, "deploy", "web", "{.metadata.generation}")
        #expect(generation == "1")

        let reapplied = try await kubectl.succeed(["apply", "--server-side", "-f", "-"],
                                       stdin: Fixtures.web(env: false, metricsPort: false, tierLabel: false))
        #expect(reapplied.contains("deployment.apps/web serverside-applied"))
        let after = try await kubectl.succeed(["get", "deploy", "web", "-o", "yaml"])
        #expect(!after.contains("DEBUG"))
        #expect(!after.contains("9090"))
        #expect(!after.contains("tier: frontend"))
        #expect(after.contains("name: MODE"))
        #expect(after.contains("containerPort: 80"))
        #expect(try await jsonpath(kubectl, "deploy", "web", "{.metadata.generation}") == "2")
    }

    @Test func deploymentBecomesAvailableAndServiceGetsAddresses() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let kubectl = sandbox.kubectl
        try await kubectl.succeed(["apply", "--server-side", "-f", "-"], stdin: Fixtures.web())
        let available = try await poll {
            try await jsonpath(kubectl, "deploy", "web", "{.status.availableReplicas}") == "2"
        }
        #expect(available)
        #expect(try await jsonpath(kubectl, "deploy", "web", "{.status.conditions[?(@.type==\"Available\")].status}") == "True")
        try await kubectl.succeed(["wait", "--for=condition=Available", "deploy/web", "--timeout=10s"])
        #expect(try await jsonpath(kubectl, "svc", "web", "{.spec.clusterIP}").hasPrefix("10.96."))
        #expect(try await poll { try await jsonpath(kubectl, "svc", "web", "{.status.loadBalancer.ingress[0].ip}") != "" })
        // Status writes bump resourceVersion but not generation.
        #expect(try await jsonpath(kubectl, "deploy", "web", "{.metadata.generation}") == "1")
    }

    @Test func failingSimulationMakesDeploymentMissItsDeadline() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        try await sandbox.kubectl.succeed(["apply", "--server-side", "-f", "-"], stdin: Fixtures.web(simulate: "fail"))
        let failed = try await poll {
            try await jsonpath(sandbox.kubectl, "deploy", "web", "{.status.conditions[?(@.type==\"Progressing\")].reason}")
                == "ProgressDeadlineExceeded"
        }
        #expect(failed)
        #expect(try await jsonpath(sandbox.kubectl, "deploy", "web", "{.status.availableReplicas}") == "")
    }

    @Test func listsSelectsDeletesAndReportsErrorsLikeAServer() async throws {
        let sandbox = try await RunningSandbox.start()
        defer { Task { await sandbox.cluster.stop() } }
        let kubectl = sandbox.kubectl
        let manifest = Fixtures.web()
        try await kubectl.succeed(["apply", "--server-side", "-f", "-"], stdin: manifest)
        #expect(try await kubectl.succeed(["create", "namespace", "team-a"]).contains("namespace/team-a created"))
        try await kubectl.succeed(["create", "configmap", "other", "-n", "team-a", "--from-literal=a=b"])

        let all = try await kubectl.succeed(["get", "all", "-A"])
        #expect(all.contains("deployment.apps/web") && all.contains("service/web"))
        let configMaps = try await kubectl.succeed(["get", "cm", "-A"])
        #expect(configMaps.contains("web-config") && configMaps.contains("other") && configMaps.contains("team-a"))
        let selected = try await kubectl.succeed(["get", "cm", "-A", "-l", "app=web", "-o", "name"])
        #expect(selected.contains("configmap/web-config") && !selected.contains("other"))
        let excluded = try await kubectl.succeed(["get", "cm", "-A", "-l", "app notin (web)", "-o", "name"])
        #expect(excluded.contains("configmap/other") && !excluded.contains("web-config"))

        let missing = try await kubectl.detached(["get", "deploy", "nope"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("Error from server (NotFound): deployments.apps \"nope\" not found"))
        let noNamespace = try await kubectl.detached(["create", "configmap", "x", "-n", "ghost"])
        #expect(noNamespace.stderr.contains("namespaces \"ghost\" not found"))
        let duplicate = try await kubectl.detached(["create", "namespace", "team-a"])
        #expect(duplicate.stderr.contains("AlreadyExists"))
        let invalid = try await kubectl.detached(["create", "configmap", "Bad_Name"])
        #expect(invalid.stderr.contains("Invalid"))

        let deleted = try await kubectl.succeed(["delete", "-f", "-"], stdin: manifest)
        #expect(deleted.contains("deployment.apps \"web\" deleted"))
        #expect(try await kubectl.detached(["get", "deploy", "web"]).status != 0)
        try await kubectl.succeed(["delete", "namespace", "team-a"])
        #expect(try await kubectl.detached(["get", "cm", "other", "-n", "team-a"]).status != 0)
    }

    @Test func objectsSurviveARestartOnTheSameDirectory() async throws {
        let first = try await RunningSandbox.start()
        try await first.kubectl.succeed(["apply", "--server-side", "-f", "-"], stdin: Fixtures.web())
        let uid = try await jsonpath(first.kubectl, "deploy", "web", "{.metadata.uid}")
        await first.cluster.stop()

        let second = try await RunningSandbox.start(directory: first.directory)
        defer { Task { await second.cluster.stop() } }
        #expect(try await jsonpath(second.kubectl, "deploy", "web", "{.metadata.uid}") == uid)
        #expect(try await second.kubectl.succeed(["get", "cm", "web-config", "-o", "jsonpath={.data.greeting}"]) == "hello")
        #expect(try await second.kubectl.succeed(["get", "ns", "-o", "name"]).split(separator: "\n").count == 4)
    }

    private func jsonpath(_ kubectl: Kubectl, _ kind: String, _ name: String, _ path: String) async throws -> String {
        try await kubectl.succeed(["get", kind, name, "-o", "jsonpath=\(path)"])
    }
}
