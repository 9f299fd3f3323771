import Foundation
import Testing

/// Re-runs the real `kubectl kustomize` over every parity case and fails when a committed expected.yaml no
/// longer matches what kubectl prints (a stale expectation would make the parity suite prove nothing).
/// Run Tests/RenderingTests/Kustomize/regenerate.sh to refresh them.
/// Serialized, and each kubectl runs on its own thread, so the suite never blocks Swift concurrency's small
/// thread pool that other suites' async tests need.
@Suite(.serialized) struct KustomizeExpectationTests {
    static let kubectl: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("kubectl") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The helm-python-sdk venv the `helm-shim/helm` stand-in runs on: FERRY_TOOLS_VENV, or the repository's
    /// `.venv-tools` that `make test` creates (scripts/setup-python-tools.sh).
    static let helmVenv = ProcessInfo.processInfo.environment["FERRY_TOOLS_VENV"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../.venv-tools")
            .standardizedFileURL.path
    static let helmShim = KustomizeParityTests.casesDirectory.deletingLastPathComponent()
        .appendingPathComponent("helm-shim/helm")
    static let helmAvailable = kubectl != nil && FileManager.default.isExecutableFile(atPath: helmVenv + "/bin/python")

    /// Cases marked with a `helm-case` file need kubectl's `--enable-helm` and the helm shim.
    static func isHelmCase(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: KustomizeParityTests.casesDirectory.appendingPathComponent(name + "/helm-case").path)
    }
    static var plainCaseNames: [String] { KustomizeParityTests.caseNames.filter { !isHelmCase($0) } }
    static var helmCaseNames: [String] { KustomizeParityTests.caseNames.filter(isHelmCase) }

    struct Outcome { var status: Int32; var stdout: Data }

    static func kustomize(_ directory: URL, flags: [String] = []) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try runKustomize(directory, flags: flags) }) }.start()
        }
    }

    static func runKustomize(_ directory: URL, flags: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = kubectl
        process.arguments = ["kustomize"] + flags + [directory.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: data)
    }

    @Test(.enabled(if: kubectl != nil, "kubectl is not installed"), arguments: plainCaseNames)
    func committedExpectationMatchesKubectl(_ name: String) async throws {
        try await Self.check(name, flags: [])
    }

    /// helmCharts cases: kubectl needs a `helm` binary, here the shim on the helm-python-sdk venv.
    @Test(.enabled(if: helmAvailable, "needs kubectl and the helm-python-sdk venv (FERRY_TOOLS_VENV or .venv-tools from scripts/setup-python-tools.sh) for kubectl's --enable-helm"),
          arguments: helmCaseNames)
    func committedHelmExpectationMatchesKubectl(_ name: String) async throws {
        try await Self.check(name, flags: ["--enable-helm", "--helm-command", Self.helmShim.path])
    }

    static func check(_ name: String, flags: [String]) async throws {
        let dir = KustomizeParityTests.casesDirectory.appendingPathComponent(name)
        let entryFile = dir.appendingPathComponent("entry")
        let entry = (try? String(contentsOf: entryFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "."
        let outcome = try await Self.kustomize(dir.appendingPathComponent(entry), flags: flags)
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent("error.txt").path) {
            #expect(outcome.status != 0, "\(name): kubectl now renders a case whose error.txt expects an error")
            return
        }
        #expect(outcome.status == 0, "\(name): kubectl kustomize failed")
        let expected = try Data(contentsOf: dir.appendingPathComponent("expected.yaml"))
        #expect(outcome.stdout == expected, "\(name): expected.yaml is stale; run regenerate.sh")
    }
}
