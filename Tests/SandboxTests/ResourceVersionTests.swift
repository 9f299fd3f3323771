import FerryCore
import Foundation
import Testing
import TestSupport
@testable import Sandbox

/// Lists at a resourceVersion the store has not reached, as the real API server answers them: the watch
/// cache waits for it (up to 3 s), then 504 Timeout with the `ResourceVersionTooLarge` cause; `Exact` is
/// refused at once.
@Suite struct ResourceVersionTests {
    static let configMaps = "/api/v1/namespaces/default/configmaps"

    @Test func aListWaitsForAResourceVersionThatAWriteThenReaches() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        let current = try await sandbox.createConfigMap("a")
        // The next write reaches current+1: the list either waits for it or, if the write came first, sees it.
        async let listed = sandbox.send("GET", "\(Self.configMaps)?resourceVersion=\(current + 1)")
        try await sandbox.createConfigMap("b")
        let (status, list, _) = try await listed
        #expect(status == 200)
        #expect(list.resourceVersion >= current + 1)
        #expect(list["items"]?.arrayValue?.map(\.name) == ["a", "b"])
    }

    @Test func aResourceVersionNeverReachedIs504TooLarge() async throws {
        var options = SandboxOptions(simulationDelay: .milliseconds(50))
        options.freshnessTimeout = .milliseconds(100)
        let sandbox = try await SandboxHTTP.start(options)
        defer { Task { await sandbox.cluster.stop() } }
        let current = try await sandbox.createConfigMap("a")
        for query in ["resourceVersion=\(current + 1000)",
                      "resourceVersion=\(current + 1000)&resourceVersionMatch=NotOlderThan",
                      "resourceVersion=\(current + 1000)&resourceVersionMatch=Exact"] {
            let (status, body, _) = try await sandbox.send("GET", "\(Self.configMaps)?\(query)")
            #expect(status == 504, "\(query)")
            #expect(body["reason"] == "Timeout")
            #expect(body["message"]?.stringValue == "Timeout: Too large resource version: \(current + 1000), current: \(current)")
            #expect(body[path: ["details", "causes"]]?.arrayValue?.first?["reason"] == "ResourceVersionTooLarge")
            #expect(body[path: ["details", "retryAfterSeconds"]] == .int(1))
        }
        // Reached or older versions are served as before.
        let (status, list, _) = try await sandbox.send("GET", "\(Self.configMaps)?resourceVersion=\(current)")
        #expect(status == 200)
        #expect(list["items"]?.arrayValue?.map(\.name) == ["a"])
    }

    @Test func kubectlReportsTheTimeout() async throws {
        var options = SandboxOptions(simulationDelay: .milliseconds(50))
        options.freshnessTimeout = .milliseconds(100)
        let sandbox = try await SandboxHTTP.start(options)
        defer { Task { await sandbox.cluster.stop() } }
        let current = try await sandbox.createConfigMap("a")
        let kubeconfig = sandbox.cluster.kubeconfigPath
        let result = try await ToolProcess.run("/usr/bin/env", [
            "kubectl", "--kubeconfig", kubeconfig.path, "get", "--raw", "\(Self.configMaps)?resourceVersion=\(current + 50)",
        ], environment: ["HOME": kubeconfig.deletingLastPathComponent().path, "PATH": "/usr/local/bin:/usr/bin:/bin"])
        #expect(result.status != 0)
        #expect(result.stderrText.contains("Too large resource version"), "\(result.stderrText)")
    }
}
