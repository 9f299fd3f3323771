import Foundation

/// A real `ferry serve` process on an ephemeral port with its own data directory and sandbox cluster.
final class FerryProcess: @unchecked Sendable {
    let process = Process()
    let dataDirectory: URL
    private(set) var url = ""
    private(set) var token = ""
    private let output = Pipe()
    private let log = LockedText()

    /// The package root (for the `ferry` binary and `web/`).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `ferry` binary built next to the test bundle.
    static var binary: String {
        let candidates: [String?] = [
            ProcessInfo.processInfo.environment["FERRY_BINARY"],
            Bundle.main.bundleURL.appendingPathComponent("ferry").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("ferry").path,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ferry").path,
            packageRoot.appendingPathComponent(".build/debug/ferry").path,
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "ferry"
    }

    /// The kubeconfig kubectl uses: the given one, or the sandbox's that `ferry serve` writes.
    let kubeconfig: String

    init(dataDirectory: URL, pollInterval: Double = 1, kubeconfig: String? = nil, context: String? = nil) throws {
        self.dataDirectory = dataDirectory
        self.kubeconfig = kubeconfig ?? dataDirectory.appendingPathComponent("sandbox/kubeconfig").path
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", "--port", "0", "--data", dataDirectory.path,
                             "--poll-interval", String(pollInterval),
                             "--web", Self.packageRoot.appendingPathComponent("web").path]
            + (kubeconfig.map { ["--kubeconfig", $0] } ?? []) + (context.map { ["--context", $0] } ?? [])
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [log] handle in log.append(handle.availableData) }
    }

    /// Starts the process and waits until it prints the address it serves on.
    func start() async throws {
        try process.run()
        url = try await eventually("ferry serve to start", timeout: .seconds(60)) { [log, process] in
            if !process.isRunning {
                throw CommandFailure(command: "ferry serve", result: .init(status: process.terminationStatus, stdout: log.text, stderr: ""))
            }
            guard let line = log.text.split(separator: "\n").first(where: { $0.contains("Ferry is serving on ") }) else { return nil }
            return String(line.split(separator: " ").last ?? "")
        }
        token = try String(contentsOf: dataDirectory.appendingPathComponent("admin-token"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Everything the server printed so far.
    var logText: String { log.text }

    /// Runs the `ferry` CLI against this server.
    func cli(_ arguments: [String]) throws -> CommandResult {
        try Command.run(Self.binary, arguments, environment: [
            "FERRY_SERVER": url, "FERRY_TOKEN": token,
            "XDG_CONFIG_HOME": dataDirectory.appendingPathComponent("cli-config").path,
        ])
    }

    /// Runs the `ferry` CLI and throws unless it exits 0.
    @discardableResult
    func cliOK(_ arguments: [String]) throws -> String {
        let result = try cli(arguments)
        guard result.status == 0 else { throw CommandFailure(command: "ferry " + arguments.joined(separator: " "), result: result) }
        return result.stdout
    }

    /// Runs real kubectl against the sandbox cluster.
    func kubectl(_ arguments: [String]) throws -> CommandResult {
        try Command.run("kubectl", ["--kubeconfig", kubeconfig] + arguments)
    }

    /// Asks for a graceful shutdown (SIGINT); kills the process if it has not exited after 10 s.
    /// (Test processes inherit a blocked SIGTERM, so `terminate()` is not relied on.)
    func stop() {
        guard process.isRunning else { return }
        process.interrupt()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
