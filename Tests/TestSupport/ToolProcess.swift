import Foundation

/// What a finished tool process left behind.
public struct ToolRun: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: Data
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs the real tools tests compare against (kubectl, the helm-python-sdk scripts) as child processes.
public enum ToolProcess {
    /// Runs `executable` on a thread of its own, so a slow tool never holds one of Swift concurrency's few
    /// pool threads that other suites' async tests need.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           directory: URL? = nil) async throws -> ToolRun {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    try runBlocking(executable, arguments, environment: environment, directory: directory)
                })
            }.start()
        }
    }

    /// Runs `executable` and waits. Both pipes are drained at once, so a tool that writes much to stderr
    /// cannot stall on a full pipe while stdout is being read.
    public static func runBlocking(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                                   directory: URL? = nil) throws -> ToolRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stderrBox = DataBox()
        let drained = DispatchSemaphore(value: 0)
        Thread {
            stderrBox.data = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return ToolRun(status: process.terminationStatus, stdout: stdout, stderr: stderrBox.data)
    }

    /// `name` found on PATH, as a shell would find it.
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { String($0) + "/" + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// Written by one thread, read by another after a semaphore orders the two.
private final class DataBox: @unchecked Sendable { var data = Data() }

/// The Python venv holding helm-python-sdk and the kubernetes client: FERRY_TOOLS_VENV, or the repository's
/// `.venv-tools` that `make test` creates (scripts/setup-python-tools.sh).
public enum ToolsVenv {
    public static let path = ProcessInfo.processInfo.environment["FERRY_TOOLS_VENV"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.venv-tools")
            .standardizedFileURL.path
    public static let python = path + "/bin/python"
    public static let available = FileManager.default.isExecutableFile(atPath: python)
    public static let missing = "needs the tools venv (FERRY_TOOLS_VENV, or .venv-tools from scripts/setup-python-tools.sh)"
}
