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

    /// Runs `kubectl --kubeconfig … args`, feeding `stdin` if given, on a dispatch thread of its own: never on
    /// Swift concurrency's few pool threads, which the in-process sandbox needs to answer kubectl.
    func detached(_ args: [String], stdin: String? = nil) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue(label: "dev.ferry.test.kubectl").async {
                continuation.resume(with: Result { try self.runBlocking(args, stdin: stdin) })
            }
        }
    }

    /// Runs kubectl off the cooperative pool; throws when it exits non-zero; returns stdout.
    @discardableResult
    func succeed(_ args: [String], stdin: String? = nil) async throws -> String {
        let output = try await detached(args, stdin: stdin)
        guard output.status == 0 else { throw KubectlFailure(args: args, status: output.status, stderr: output.stderr) }
        return output.stdout
    }

    private func runBlocking(_ args: [String], stdin: String?) throws -> Output {
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
