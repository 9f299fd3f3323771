import Foundation
import TestSupport
import Testing

/// Re-renders every Helm parity case with the real Helm v4 engine (helm-python-sdk in `.venv-tools`, which
/// `make test` creates) and fails when a committed expected.yaml or expected-error.txt no longer matches what
/// it prints — a stale golden file would make the parity suite prove nothing. `regenerate.py --check` does the
/// work; run `regenerate.py <case>` to re-record.
struct HelmExpectationTests {
    static let helmDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func check() async throws -> (status: Int32, output: String) {
        let run = try await ToolProcess.run(ToolsVenv.python, [helmDirectory.appendingPathComponent("regenerate.py").path, "--check"],
                                            environment: ["PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"])
        return (run.status, run.stdoutText + run.stderrText)
    }

    @Test(.enabled(if: ToolsVenv.available, Comment(rawValue: ToolsVenv.missing)))
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
