import Foundation
import Testing
@testable import GitSource

@Suite("LibGit2Source reads the tree at a commit")
struct TreeReadingTests {
    @Test func readsNestedDirectoriesUnderAPath() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let sha = try fixture.commit([
            "README.md": "hi",
            "apps/web/deploy.yaml": "kind: Deployment\n",
            "apps/web/overlays/prod/kustomization.yaml": "resources: []\n",
            "apps/db/sts.yaml": "kind: StatefulSet\n",
        ])
        let source = LibGit2Source(cacheDirectory: fixture.cache)

        let web = try await source.tree(repoURL: fixture.fileURL, commit: sha, path: "apps/web")
        #expect(web.paths == ["deploy.yaml", "overlays/prod/kustomization.yaml"])
        #expect(web["deploy.yaml"] == Data("kind: Deployment\n".utf8))

        let root = try await source.tree(repoURL: fixture.fileURL, commit: sha, path: ".")
        #expect(root.paths == ["README.md", "apps/db/sts.yaml", "apps/web/deploy.yaml",
                               "apps/web/overlays/prod/kustomization.yaml"])
        #expect(try await source.tree(repoURL: fixture.fileURL, commit: sha, path: "").paths == root.paths)
    }

    @Test func missingPathIsAnErrorNamingPathURLAndCommit() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let sha = try fixture.commit(["a/b.yaml": "x"])
        let source = LibGit2Source(cacheDirectory: fixture.cache)
        let error = await #expect(throws: GitError.self) {
            try await source.tree(repoURL: fixture.fileURL, commit: sha, path: "nope")
        }
        #expect(error?.description == "path 'nope' not found in \(fixture.fileURL) at \(sha)")
    }

    @Test func symlinkInsideTheRepositoryIsResolved() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.commit(["shared/values.yaml": "replicas: 3\n", "shared/base/cm.yaml": "kind: ConfigMap\n"])
        try fixture.symlink("app/values.yaml", to: "../shared/values.yaml")
        try fixture.symlink("app/base", to: "../shared/base")
        let sha = try fixture.commit([:], message: "links")
        let source = LibGit2Source(cacheDirectory: fixture.cache)
        let tree = try await source.tree(repoURL: fixture.fileURL, commit: sha, path: "app")
        #expect(tree.paths == ["base/cm.yaml", "values.yaml"])
        #expect(tree["values.yaml"] == Data("replicas: 3\n".utf8))
    }

    @Test func symlinkEscapingTheRepositoryIsAnError() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.symlink("app/passwd", to: "../../etc/passwd")
        let sha = try fixture.commit(["app/ok.yaml": "x"], message: "bad link")
        let source = LibGit2Source(cacheDirectory: fixture.cache)
        let error = await #expect(throws: GitError.self) {
            try await source.tree(repoURL: fixture.fileURL, commit: sha, path: "app")
        }
        #expect(error?.kind == .unsafeSymlink)
        #expect(error?.description.contains("symlink 'app/passwd' points outside the repository") == true)
    }

    @Test func symlinkCycleIsAnError() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        try fixture.symlink("loop/a", to: "b")
        try fixture.symlink("loop/b", to: "a")
        let sha = try fixture.commit([:], message: "cycle")
        let source = LibGit2Source(cacheDirectory: fixture.cache)
        let error = await #expect(throws: GitError.self) {
            try await source.tree(repoURL: fixture.fileURL, commit: sha, path: "loop")
        }
        #expect(error?.description.contains("too many levels of symlinks") == true)
    }

    @Test func treeOfACommitNotYetCachedFetchesIt() async throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let sha = try fixture.commit(["k.yaml": "v"])
        let source = LibGit2Source(cacheDirectory: fixture.cache)
        let tree = try await source.tree(repoURL: fixture.fileURL, commit: sha, path: "")
        #expect(tree.paths == ["k.yaml"])
        #expect(source.fetchCount == 1)
        _ = try await source.tree(repoURL: fixture.fileURL, commit: sha, path: "")
        #expect(source.fetchCount == 1)
    }
}
