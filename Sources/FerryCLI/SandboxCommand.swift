import ArgumentParser
import Foundation
import Logging
import Sandbox

/// `ferry sandbox`: the embedded Kubernetes API server on its own.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the sandbox cluster (a Kubernetes API server for local use) on its own.",
        discussion: "Writes DATA/kubeconfig: `kubectl --kubeconfig DATA/kubeconfig get ns`.")

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 = any free port).") var port = 6443
    @Option(help: "Directory for the sandbox's database and kubeconfig.") var data = "./data/sandbox"

    func run() async throws {
        let dir = URL(fileURLWithPath: data).standardizedFileURL
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var options = SandboxOptions()
        options.host = host
        options.port = port
        let sandbox = try SandboxCluster(dataDirectory: dir, options: options)
        let url = try await sandbox.start()
        say("sandbox cluster on \(url.absoluteString)")
        say("kubeconfig: \(sandbox.kubeconfigPath.path)")
        try await sandbox.run()
    }
}
