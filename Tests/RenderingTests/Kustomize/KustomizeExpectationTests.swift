import Foundation
import TestSupport
import Testing

/// Re-runs the real `kubectl kustomize` over every parity case and fails when a committed expected.yaml no
/// longer matches what kubectl prints (a stale expectation would make the parity suite prove nothing).
/// Run Tests/RenderingTests/Kustomize/regenerate.sh to refresh them.
/// Serialized; each kubectl runs on its own thread (ToolProcess), off Swift concurrency's pool.
@Suite(.serialized) struct KustomizeExpectationTests {
    static let kubectl = ToolProcess.which("kubectl")

    static let helmShim = KustomizeParityTests.casesDirectory.deletingLastPathComponent()
        .appendingPathComponent("helm-shim/helm")
    static let helmAvailable = kubectl != nil && ToolsVenv.available

    /// Cases marked with a `helm-case` file need kubectl's `--enable-helm` and the helm shim.
    static func isHelmCase(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: KustomizeParityTests.casesDirectory.appendingPathComponent(name + "/helm-case").path)
    }
    static var plainCaseNames: [String] { KustomizeParityTests.caseNames.filter { !isHelmCase($0) } }
    static var helmCaseNames: [String] { KustomizeParityTests.caseNames.filter(isHelmCase) }

    @Test(.enabled(if: kubectl != nil, "kubectl is not installed"), arguments: plainCaseNames)
    func committedExpectationMatchesKubectl(_ name: String) async throws {
        try await Self.check(name, flags: [])
    }

    /// helmCharts cases: kubectl needs a `helm` binary, here the shim on the helm-python-sdk venv.
    @Test(.enabled(if: helmAvailable, "needs kubectl and \(ToolsVenv.missing) for kubectl's --enable-helm"),
          arguments: helmCaseNames)
    func committedHelmExpectationMatchesKubectl(_ name: String) async throws {
        try await Self.check(name, flags: ["--enable-helm", "--helm-command", Self.helmShim.path])
    }

    static func check(_ name: String, flags: [String]) async throws {
        let dir = KustomizeParityTests.casesDirectory.appendingPathComponent(name)
        let entryFile = dir.appendingPathComponent("entry")
        let entry = (try? String(contentsOf: entryFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "."
        let outcome = try await ToolProcess.run(Self.kubectl!, ["kustomize"] + flags + [dir.appendingPathComponent(entry).path])
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent("error.txt").path) {
            #expect(outcome.status != 0, "\(name): kubectl now renders a case whose error.txt expects an error")
            return
        }
        #expect(outcome.status == 0, "\(name): kubectl kustomize failed")
        let expected = try Data(contentsOf: dir.appendingPathComponent("expected.yaml"))
        #expect(outcome.stdout == expected, "\(name): expected.yaml is stale; run regenerate.sh")
    }
}
