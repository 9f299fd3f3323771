import Foundation
import Testing
import GitSource

@Suite("InMemoryGitSource twin")
struct InMemoryGitSourceTests {
    @Test func resolvesBranchesTagsAndReadsTrees() async throws {
        let source = InMemoryGitSource()
        let url = "https://git.example.com/org/repo.git"
        let first = try await source.commit(repoURL: url, files: ["app/a.yaml": "a: 1"])
        await source.tag(repoURL: url, name: "v1", commit: first)
        let second = try await source.commit(repoURL: url, files: ["app/a.yaml": "a: 2"], message: "bump")

        #expect(try await source.resolve(repoURL: url, revision: "main") == second)
        #expect(try await source.resolve(repoURL: url, revision: "v1") == first)
        #expect(try await source.resolve(repoURL: url, revision: String(first.prefix(39))) == first)
        #expect(try await source.tree(repoURL: url, commit: first, path: "app")["a.yaml"] == Data("a: 1".utf8))
        #expect(try await source.commitInfo(repoURL: url, commit: second).message == "bump")
        await #expect(throws: GitError.self) { try await source.resolve(repoURL: url, revision: "nope") }
    }
}
