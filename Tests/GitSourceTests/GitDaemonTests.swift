import Foundation
import Testing
import GitSource

@Suite("LibGit2Source over git://")
struct GitDaemonTests {
    /// The `git-daemon` binary itself (not the `git daemon` wrapper, which would leave it orphaned when killed).
    static func daemonExecutable() throws -> String {
        try Command.run("/usr/bin/git", ["--exec-path"], in: URL(fileURLWithPath: "/")) + "/git-daemon"
    }

    @Test func clonesAndResolvesOverTheGitProtocol() async throws {
        let fixture = try GitFixture(name: "repo")
        defer { fixture.remove() }
        let sha = try fixture.commit(["deploy/app.yaml": "kind: ConfigMap\n"])
        let base = fixture.base.path
        let daemon = try LocalServer(try GitDaemonTests.daemonExecutable(), arguments: { port in
            ["--reuseaddr", "--base-path=\(base)", "--export-all", "--port=\(port)",
             "--listen=127.0.0.1", base]
        }, in: fixture.base)
        defer { daemon.stop() }
        let url = "git://127.0.0.1:\(daemon.port)/repo"
        let source = LibGit2Source(cacheDirectory: fixture.cache)

        #expect(try await source.resolve(repoURL: url, revision: "main") == sha)
        let tree = try await source.tree(repoURL: url, commit: sha, path: "deploy")
        #expect(tree.paths == ["app.yaml"])

        let next = try fixture.commit(["deploy/app.yaml": "kind: Secret\n"])
        #expect(try await source.resolve(repoURL: url, revision: "main") == next)
        #expect(source.fetchCount == 2)
    }

    @Test func unknownRepositoryOnTheDaemonIsAnErrorNamingTheURL() async throws {
        let fixture = try GitFixture(name: "repo")
        defer { fixture.remove() }
        try fixture.commit(["a": "1"])
        let base = fixture.base.path
        let daemon = try LocalServer(try GitDaemonTests.daemonExecutable(), arguments: { port in
            ["--reuseaddr", "--base-path=\(base)", "--export-all", "--port=\(port)",
             "--listen=127.0.0.1", base]
        }, in: fixture.base)
        defer { daemon.stop() }
        let url = "git://127.0.0.1:\(daemon.port)/missing"
        let source = LibGit2Source(cacheDirectory: fixture.cache)
        let error = await #expect(throws: GitError.self) {
            try await source.resolve(repoURL: url, revision: "main")
        }
        #expect(error?.description.contains(url) == true)
    }
}
