import Foundation
import Testing
@testable import GitSource

@Suite("LibGit2Source resolves revisions of a file:// repository")
struct LibGit2SourceResolveTests {
    @Test func resolvesBranchTagHeadFullAndShortSHA() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let first = try fixture.commit(["a.yaml": "a: 1\n"], message: "first")
        try fixture.git("tag", "v1")
        try fixture.git("tag", "-a", "v1-annotated", "-m", "annotated")
        let second = try fixture.commit(["a.yaml": "a: 2\n"], message: "second")
        let source = LibGit2Source(cacheDirectory: fixture.cache)

        #expect(try await source.resolve(repoURL: fixture.fileURL, revision: "main") == second)
        #expect(try await source.resolve(repoURL: fixture.fileURL, revision: "HEAD") == second)
        #expect(try await source.resolve(repoURL: fixture.fileURL, revision: "refs/heads/main") == second)
        #expect(try await source.resolve(repoURL: fixture.fileURL, revision: "v1") == first)
        #expect(try await source.resolve(repoURL: fixture.fileURL, revision: "v1-annotated") == first)
        #expect(try await source.resolve(repoURL: fixture.fileURL, revision: first) == first)
        #expect(try await source.resolve(repoURL: fixture.fileURL, revision: String(first.prefix(8))) == first)
    }

    @Test func resolvesAPlainLocalPath() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let sha = try fixture.commit(["x": "1"])
        let source = LibGit2Source(cacheDirectory: fixture.cache)
        #expect(try await source.resolve(repoURL: fixture.work.path, revision: "main") == sha)
    }

    @Test func fetchesOnlyWhenTheBranchMoved() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let first = try fixture.commit(["a": "1"])
        let source = LibGit2Source(cacheDirectory: fixture.cache)

        #expect(try await source.resolve(repoURL: fixture.fileURL, revision: "main") == first)
        #expect(source.fetchCount == 1)
        #expect(try await source.resolve(repoURL: fixture.fileURL, revision: "main") == first)
        #expect(source.fetchCount == 1, "nothing moved, so no second fetch")
        #expect(source.listCount == 2)

        let second = try fixture.commit(["a": "2"])
        #expect(try await source.resolve(repoURL: fixture.fileURL, revision: "main") == second)
        #expect(source.fetchCount == 2)
    }

    @Test func unknownRevisionErrorNamesRevisionAndURL() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit(["a": "1"])
        let source = LibGit2Source(cacheDirectory: fixture.cache)
        let error = await #expect(throws: GitError.self) {
            try await source.resolve(repoURL: fixture.fileURL, revision: "nope")
        }
        #expect(error?.kind == .revisionNotFound)
        #expect(error?.description == "revision 'nope' not found in \(fixture.fileURL)")
    }

    @Test func unreachableRepositoryErrorNamesTheURLWithoutCredentials() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let source = LibGit2Source(cacheDirectory: fixture.cache)
        let url = "http://alice:s3cr3t-pass@127.0.0.1:1/missing.git"
        let error = await #expect(throws: GitError.self) {
            try await source.resolve(repoURL: url, revision: "main")
        }
        let text = error?.description ?? ""
        #expect(text.contains("http://127.0.0.1:1/missing.git"))
        #expect(!text.contains("s3cr3t-pass"))
        #expect(!text.contains("alice"))
        #expect(error?.kind == .unreachable)
    }

    @Test func missingLocalRepositoryIsAnUnreachableError() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let source = LibGit2Source(cacheDirectory: fixture.cache)
        let url = "file://" + fixture.base.appendingPathComponent("absent").path
        let error = await #expect(throws: GitError.self) {
            try await source.resolve(repoURL: url, revision: "main")
        }
        #expect(error?.kind == .unreachable)
        #expect(error?.description == "cannot reach \(url): no such repository directory")
    }

    @Test func twoAppsWithTheSameURLShareOneCacheDirectory() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let sha = try fixture.commit(["a": "1"])
        let source = LibGit2Source(cacheDirectory: fixture.cache)
        async let one = source.resolve(repoURL: fixture.fileURL, revision: "main")
        async let two = source.resolve(repoURL: fixture.fileURL + "/", revision: "main")
        #expect(try await [one, two] == [sha, sha])
        let entries = try FileManager.default.contentsOfDirectory(atPath: fixture.cache.path)
        #expect(entries == [GitURL.cacheKey(fixture.fileURL)])
        #expect(entries.first?.count == 64)
    }

    @Test func commitInfoReportsAuthorMessageAndDate() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let sha = try fixture.commit(["a": "1"], message: "Add the app\n\nLonger body")
        let source = LibGit2Source(cacheDirectory: fixture.cache)
        let info = try await source.commitInfo(repoURL: fixture.fileURL, commit: sha)
        #expect(info.sha == sha)
        #expect(info.author == "Ferry Test")
        #expect(info.email == "test@example.com")
        #expect(info.message == "Add the app")
        #expect(abs(info.date.timeIntervalSinceNow) < 600)
    }
}
