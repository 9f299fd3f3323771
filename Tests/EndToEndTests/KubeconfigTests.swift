import FerryCore
import Foundation
import Testing

/// `ferry serve --kubeconfig FILE --context NAME` manages a cluster it did not start: here a standalone
/// `ferry sandbox` process, reached only through the kubeconfig it wrote.
@Suite struct KubeconfigTests {
    @Test func serveManagesTheClusterNamedByAKubeconfig() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-kc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let sandboxDir = root.appendingPathComponent("cluster")
        let sandbox = Process()
        sandbox.executableURL = URL(fileURLWithPath: FerryProcess.binary)
        sandbox.arguments = ["sandbox", "--port", "0", "--data", sandboxDir.path]
        sandbox.standardOutput = FileHandle.nullDevice
        sandbox.standardError = FileHandle.nullDevice
        try sandbox.run()
        defer { kill(sandbox.processIdentifier, SIGKILL); sandbox.waitUntilExit() }
        let kubeconfig = sandboxDir.appendingPathComponent("kubeconfig").path
        _ = try await eventually("the sandbox to write its kubeconfig") {
            FileManager.default.fileExists(atPath: kubeconfig)
                && (try? Command.run("kubectl", ["--kubeconfig", kubeconfig, "get", "ns", "default"]))?.status == 0 ? true : nil
        }

        let repo = try GitFixture(directory: root.appendingPathComponent("repo"))
        try repo.write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-git\ndata:\n  k: v\n")
        let sha = try repo.commit("one configmap")

        let ferry = try FerryProcess(dataDirectory: root.appendingPathComponent("data"), kubeconfig: kubeconfig, context: "sandbox")
        try await ferry.start()
        defer { ferry.stop() }
        #expect(!FileManager.default.fileExists(atPath: ferry.dataDirectory.appendingPathComponent("sandbox").path),
                "no embedded sandbox when a kubeconfig is given")

        try ferry.cliOK(["app", "create", "kc", "--repo", repo.url, "--path", ".", "--dest-namespace", "default", "--auto-sync"])
        _ = try await eventually("app kc to sync \(sha.prefix(7))") {
            let out = try ferry.cliOK(["app", "get", "kc", "-o", "json"])
            let app = try APICoding.decoder().decode(Application.self, from: Data(out.utf8))
            return app.status.sync.status == .synced && app.status.sync.revision == sha ? app : nil
        }
        let data = try ferry.kubectl(["get", "configmap", "from-git", "-n", "default", "-o", "jsonpath={.data.k}"])
        #expect(data.stdout == "v")

        // A context the kubeconfig does not have is a clear startup error.
        let bad = try Command.run(FerryProcess.binary, ["serve", "--port", "0", "--data", root.appendingPathComponent("bad").path,
                                                         "--kubeconfig", kubeconfig, "--context", "nope"])
        #expect(bad.status != 0)
        #expect((bad.stderr + bad.stdout).contains("nope"))
    }
}
