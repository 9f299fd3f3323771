import Foundation
import Testing

/// libcurl and libgit2 are opened on first use (CCurl/CLibGit2 lazy.c), not linked: a command that needs
/// neither never loads them, and one that needs libcurl loads it when it makes its first request. The dynamic
/// loader's own trace (`LD_DEBUG=files`) is the witness.
struct LazyLibraryTests {
    static func loadedLibraries(_ arguments: [String]) throws -> (result: CommandResult, trace: String) {
        let result = try Command.run(FerryProcess.binary, arguments, environment: ["LD_DEBUG": "files"])
        return (result, result.stderr)
    }

    @Test func renderLoadsNeitherLibcurlNorLibgit2() throws {
        let chart = FileManager.default.temporaryDirectory.appendingPathComponent("lazy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: chart) }
        try FileManager.default.createDirectory(at: chart.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "apiVersion: v2\nname: lazy\nversion: 0.1.0\n".write(to: chart.appendingPathComponent("Chart.yaml"), atomically: true, encoding: .utf8)
        try "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n"
            .write(to: chart.appendingPathComponent("templates/cm.yaml"), atomically: true, encoding: .utf8)
        let (result, trace) = try Self.loadedLibraries(["render", chart.path])
        #expect(result.status == 0, "\(trace)")
        #expect(result.stdout.contains("name: release-name"))
        #expect(trace.contains("file=libc.so.6"), "LD_DEBUG tracing did not run")
        #expect(!trace.contains("file=libcurl.so"))
        #expect(!trace.contains("file=libgit2.so"))
    }

    @Test func anAPIRequestLoadsLibcurlWhenItIsMade() throws {
        // Port 1 refuses connections, so the request fails quickly, after libcurl was loaded to make it.
        let (result, trace) = try Self.loadedLibraries(["app", "list", "--server", "http://127.0.0.1:1"])
        #expect(result.status != 0)
        #expect(trace.contains("file=libcurl.so.4 [0];  dynamically loaded by"), "\(trace.suffix(2000))")
        #expect(!trace.contains("file=libgit2.so"))
    }
}
