import FerryCore
import Foundation
import Synchronization
import Testing
@testable import Sandbox

/// Real kubectl against watch, paging and faults. These join the serialized `KubectlTests` suite, and every
/// kubectl run here happens on a dispatch thread of its own, never blocking the cooperative pool the
/// in-process sandbox answers on.
extension KubectlTests {
    @Test func kubectlWatchPrintsEventsWrittenMeanwhile() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        try await sandbox.createConfigMap("keep")
        let watch = try KubectlStream(kubeconfig: sandbox.cluster.kubeconfigPath,
                                      ["get", "cm", "-w", "--output-watch-events", "--request-timeout=3s"])
        defer { watch.kill() }
        // Once the list is printed, the watch resumes from the list's resourceVersion: nothing is missed.
        try await watch.wait(within: 60) { $0.contains("keep") }
        try await sandbox.createConfigMap("fresh")
        let patch: Value = ["metadata": ["labels": ["touched": "yes"]]]
        _ = try await sandbox.send("PATCH", "\(WatchTests.configMaps)/keep", body: patch,
                                   headers: [(name: "Content-Type", value: "application/merge-patch+json")])
        _ = try await sandbox.send("DELETE", "\(WatchTests.configMaps)/fresh")
        let (status, output) = try await watch.finish(within: 60)
        #expect(status == 0)
        let rows = output.split(separator: "\n").map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        #expect(rows == ["EVENT NAME", "ADDED keep", "ADDED fresh", "MODIFIED keep", "DELETED fresh"])
    }

    @Test func kubectlChunkedListShowsEveryObjectAcrossPages() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        for i in 1...5 { try await sandbox.createConfigMap("cm-\(i)") }
        let kubectl = Kubectl(kubeconfig: sandbox.cluster.kubeconfigPath)
        let started = Date()
        let out = try await kubectl.detached(["get", "cm", "--chunk-size=2", "-o", "name", "-v=6"])
        let elapsed = Date().timeIntervalSince(started)
        #expect(out.status == 0)
        #expect(out.stdout.split(separator: "\n") == (1...5).map { "configmap/cm-\($0)" })
        let pages = out.stderr.split(separator: "\n").filter { $0.contains("/configmaps?") && $0.contains("limit=2") }
        #expect(pages.count == 3)
        #expect(pages.filter { $0.contains("continue=") }.count == 2)
        print("kubectl get --chunk-size=2 over 5 ConfigMaps took \(String(format: "%.2f", elapsed)) s")
    }

    @Test func kubectlSeesExpiredWatchAndContinueAsFromARealServer() async throws {
        let sandbox = try await SandboxHTTP.start(SandboxOptions(watchHistory: 3))
        defer { Task { await sandbox.cluster.stop() } }
        for i in 1...3 { try await sandbox.createConfigMap("cm-\(i)") }
        let first = try await sandbox.send("GET", "\(WatchTests.configMaps)?limit=1").json
        let token = first[path: ["metadata", "continue"]]?.stringValue ?? ""
        for i in 4...8 { try await sandbox.createConfigMap("cm-\(i)") }
        let kubectl = Kubectl(kubeconfig: sandbox.cluster.kubeconfigPath)
        let watch = try await kubectl.detached(["get", "--raw", "\(WatchTests.configMaps)?watch=1&resourceVersion=1"])
        #expect(watch.stdout.contains("\"type\":\"ERROR\""))
        #expect(watch.stdout.contains("too old resource version: 1 ("))
        #expect(watch.stdout.contains("\"code\":410"))
        let paged = try await kubectl.detached(["get", "--raw", "\(WatchTests.configMaps)?limit=1&continue=\(token)"])
        #expect(paged.status != 0)
        #expect(paged.stderr.contains("Error from server (Expired): The provided continue parameter is too old"))
    }

    @Test func kubectlFailsOnInjected500sAndRetriesThrottledRequests() async throws {
        let sandbox = try await SandboxHTTP.start()
        defer { Task { await sandbox.cluster.stop() } }
        let kubectl = Kubectl(kubeconfig: sandbox.cluster.kubeconfigPath)
        sandbox.cluster.faultSettings = FaultSettings(errorRate: 1, seed: 1)
        let failed = try await kubectl.detached(["get", "cm"])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("Error from server (InternalError): Internal error occurred: injected fault"))

        // A seed whose first draw throttles and second passes: kubectl waits Retry-After, retries, succeeds.
        let seed = try #require((UInt64(0)..<1000).first { seed in
            let injector = FaultInjector(FaultSettings(tooManyRequestsRate: 0.5, seed: seed))
            return injector.decide().outcome != .pass && injector.decide().outcome == .pass
        })
        sandbox.cluster.faultSettings = FaultSettings(tooManyRequestsRate: 0.5, retryAfterSeconds: 1, seed: seed)
        let started = Date()
        let retried = try await kubectl.detached(["get", "cm", "-n", "kube-system", "-v=6"])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stderr.contains("429 Too Many Requests"))
        #expect(Date().timeIntervalSince(started) >= 0.9)
    }
}

/// A long-running kubectl (e.g. `get -w`) whose output can be awaited while it runs.
final class KubectlStream: Sendable {
    private let process: Process
    private let output = SharedText()
    private let updates: AsyncStream<String>
    private let exited: AsyncStream<Int32>

    init(kubeconfig: URL, _ args: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["kubectl", "--kubeconfig", kubeconfig.path] + args
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = kubeconfig.deletingLastPathComponent().path
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let (updates, sink) = AsyncStream<String>.makeStream()
        let (exited, exitSink) = AsyncStream<Int32>.makeStream()
        self.process = process
        self.updates = updates
        self.exited = exited
        let output = self.output
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil; sink.finish(); return }
            sink.yield(output.append(String(decoding: data, as: UTF8.self)))
        }
        process.terminationHandler = { exitSink.yield($0.terminationStatus); exitSink.finish() }
        try process.run()
    }

    /// Waits until the output so far satisfies `condition`.
    func wait(within seconds: Double, _ condition: @escaping @Sendable (String) -> Bool) async throws {
        if condition(output.text) { return }
        let updates = self.updates
        let met = try await within(seconds, "kubectl output") {
            for await text in updates where condition(text) { return true }
            return false
        }
        if !met { throw TimedOut(what: "kubectl output; got: \(output.text)") }
    }

    /// Waits for kubectl to exit; returns its status and everything it printed.
    func finish(within seconds: Double) async throws -> (Int32, String) {
        let exited = self.exited
        let status = try await within(seconds, "kubectl to exit") {
            for await status in exited { return status }
            return Int32(-1)
        }
        // Drain what is still in the pipe.
        for await _ in updates {}
        return (status, output.text)
    }

    /// Stops kubectl if it still runs (SIGKILL: test processes block SIGTERM).
    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }
}

/// Text appended from one thread and read from others.
final class SharedText: Sendable {
    private let value = Mutex("")
    var text: String { value.withLock { $0 } }

    /// Appends and returns the whole text.
    func append(_ more: String) -> String { value.withLock { $0 += more; return $0 } }
}
