import Foundation
@testable import Sandbox

/// Runs the real kubectl against a sandbox's kubeconfig.
struct Kubectl {
    let kubeconfig: URL

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `kubectl --kubeconfig … args`, feeding `stdin` if given.
    @discardableResult
    func run(_ args: [String], stdin: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["kubectl", "--kubeconfig", kubeconfig.path, "--request-timeout=20s"] + args
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = kubeconfig.deletingLastPathComponent().path
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs and throws when kubectl exits non-zero.
    @discardableResult
    func ok(_ args: [String], stdin: String? = nil) throws -> String {
        let output = try run(args, stdin: stdin)
        guard output.status == 0 else {
            throw KubectlFailure(args: args, status: output.status, stderr: output.stderr)
        }
        return output.stdout
    }
}

struct KubectlFailure: Error, CustomStringConvertible {
    var args: [String]
    var status: Int32
    var stderr: String
    var description: String { "kubectl \(args.joined(separator: " ")) exited \(status): \(stderr)" }
}

/// A started sandbox in a fresh temporary directory.
struct RunningSandbox {
    let cluster: SandboxCluster
    let directory: URL
    let kubectl: Kubectl

    static func start(directory: URL? = nil, delay: Duration = .milliseconds(50)) async throws -> RunningSandbox {
        let dir = directory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("sandbox-test-\(UUID().uuidString)")
        let cluster = try SandboxCluster(dataDirectory: dir, options: SandboxOptions(simulationDelay: delay))
        _ = try await cluster.start()
        return RunningSandbox(cluster: cluster, directory: dir, kubectl: Kubectl(kubeconfig: cluster.kubeconfigPath))
    }
}

/// Polls `condition` until it holds or `seconds` pass.
func eventually(within seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return try condition()
}
