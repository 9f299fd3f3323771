import Foundation
import Testing
import GitSource

@Suite("LibGit2Source over smart HTTP with basic auth")
struct HTTPAuthTests {
    static let password = "pa55-W0rd-never-shown"

    private func startServer(_ fixture: GitFixture) throws -> LocalServer {
        let script = fixture.base.appendingPathComponent("git_http_server.py")
        try Data(GitHTTPServerScript.source.utf8).write(to: script)
        let root = fixture.base.path
        return try LocalServer("/usr/bin/python3", arguments: { port in
            [script.path, "\(port)", root, "ferry", HTTPAuthTests.password]
        }, in: fixture.base)
    }

    @Test func credentialsFromTheProviderAuthenticate() async throws {
        let fixture = try GitFixture(name: "repo")
        defer { fixture.remove() }
        let sha = try fixture.commit(["app/cm.yaml": "kind: ConfigMap\n"])
        let server = try startServer(fixture)
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/repo"
        let source = LibGit2Source(cacheDirectory: fixture.cache) { requested in
            requested == url ? GitCredentials(username: "ferry", password: HTTPAuthTests.password) : nil
        }
        #expect(try await source.resolve(repoURL: url, revision: "main") == sha)
        #expect(try await source.tree(repoURL: url, commit: sha, path: "app").paths == ["cm.yaml"])
    }

    @Test func wrongCredentialsFailWithoutRevealingThePassword() async throws {
        let fixture = try GitFixture(name: "repo")
        defer { fixture.remove() }
        try fixture.commit(["a": "1"])
        let server = try startServer(fixture)
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/repo"
        let wrong = "wrong-" + HTTPAuthTests.password
        let source = LibGit2Source(cacheDirectory: fixture.cache) { _ in
            GitCredentials(username: "ferry", password: wrong)
        }
        let error = await #expect(throws: GitError.self) {
            try await source.resolve(repoURL: url, revision: "main")
        }
        #expect(error?.kind == .authentication)
        #expect(error?.description.contains(url) == true)
        #expect(error?.description.contains(wrong) == false)
        #expect(error?.description.contains(HTTPAuthTests.password) == false)
    }

    @Test func passwordInTheURLIsUsedButNeverShown() async throws {
        let fixture = try GitFixture(name: "repo")
        defer { fixture.remove() }
        let sha = try fixture.commit(["a": "1"])
        let server = try startServer(fixture)
        defer { server.stop() }
        let source = LibGit2Source(cacheDirectory: fixture.cache)
        let good = "http://ferry:\(HTTPAuthTests.password)@127.0.0.1:\(server.port)/repo"
        #expect(try await source.resolve(repoURL: good, revision: "main") == sha)
        let error = await #expect(throws: GitError.self) {
            try await source.resolve(repoURL: good, revision: "nope")
        }
        #expect(error?.description == "revision 'nope' not found in http://127.0.0.1:\(server.port)/repo")
    }

    @Test func missingCredentialsAreAnAuthenticationError() async throws {
        let fixture = try GitFixture(name: "repo")
        defer { fixture.remove() }
        try fixture.commit(["a": "1"])
        let server = try startServer(fixture)
        defer { server.stop() }
        let source = LibGit2Source(cacheDirectory: fixture.cache)
        let error = await #expect(throws: GitError.self) {
            try await source.resolve(repoURL: "http://127.0.0.1:\(server.port)/repo", revision: "main")
        }
        #expect(error?.kind == .authentication)
    }
}
