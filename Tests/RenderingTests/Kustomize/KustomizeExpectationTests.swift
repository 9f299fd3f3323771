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

    struct Outcome { var status: Int32; var stdout: Data }

    static func kustomize(_ directory: URL) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try runKustomize(directory) }) }.start()
        }
    }

    static func runKustomize(_ directory: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = kubectl
        process.arguments = ["kustomize", directory.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: data)
    }

    @Test(.enabled(if: kubectl != nil, "kubectl is not installed"), arguments: KustomizeParityTests.caseNames)
    func committedExpectationMatchesKubectl(_ name: String) async throws {
        let dir = KustomizeParityTests.casesDirectory.appendingPathComponent(name)
        let entryFile = dir.appendingPathComponent("entry")
        let entry = (try? String(contentsOf: entryFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "."
        let outcome = try await Self.kustomize(dir.appendingPathComponent(entry))
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent("error.txt").path) {
            #expect(outcome.status != 0, "\(name): kubectl now renders a case whose error.txt expects an error")
            return
        }
        #expect(outcome.status == 0, "\(name): kubectl kustomize failed")
        let expected = try Data(contentsOf: dir.appendingPathComponent("expected.yaml"))
        #expect(outcome.stdout == expected, "\(name): expected.yaml is stale; run regenerate.sh")
    }
}
