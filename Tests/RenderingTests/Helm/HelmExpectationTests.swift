import Foundation
import Testing

/// Re-renders every Helm parity case with the real Helm v4 engine (helm-python-sdk in `.venv-tools`, which
/// `make test` creates) and fails when a committed expected.yaml or expected-error.txt no longer matches what
/// it prints — a stale golden file would make the parity suite prove nothing. `regenerate.py --check` does the
/// work; run `regenerate.py <case>` to re-record. The script runs on its own thread, off Swift concurrency's
/// small thread pool.
struct HelmExpectationTests {
    static let helmDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let venv = ProcessInfo.processInfo.environment["FERRY_TOOLS_VENV"]
        ?? helmDirectory.appendingPathComponent("../../../.venv-tools").standardizedFileURL.path
    static let python = venv + "/bin/python"
    static let available = FileManager.default.isExecutableFile(atPath: python)

    struct Outcome: Sendable { var status: Int32; var output: String }

    static func check() async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: python)
                    process.arguments = [helmDirectory.appendingPathComponent("regenerate.py").path, "--check"]
                    process.environment = ["PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"]
                    let out = Pipe()
                    process.standardOutput = out
                    process.standardError = out
                    try process.run()
                    let data = out.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
                })
            }.start()
        }
    }

    @Test(.enabled(if: available, "needs the helm-python-sdk venv (FERRY_TOOLS_VENV or .venv-tools from scripts/setup-python-tools.sh)"))
    func committedGoldenFilesMatchTheRealHelmEngine() async throws {
        let outcome = try await Self.check()
        #expect(outcome.status == 0, "\(outcome.output)")
        // Every case was looked at: each prints one line (same, kept for structure-only, or STALE).
        let cases = try FileManager.default.contentsOfDirectory(atPath: Self.helmDirectory.appendingPathComponent("charts").path)
        let lines = outcome.output.split(separator: "\n").filter { $0.hasPrefix("same ") || $0.hasPrefix("kept ") }
        #expect(lines.count == cases.count, "\(outcome.output)")
        #expect(lines.contains { $0.hasPrefix("same ") })
    }
}
