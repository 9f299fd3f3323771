import Testing
@testable import GitSource

@Suite("Repository URL handling")
struct GitURLTests {
    @Test func redactionRemovesUserAndPassword() {
        #expect(GitURL.redacted("https://bob:tok@GitHub.com/a/b.git") == "https://GitHub.com/a/b.git")
        #expect(GitURL.redacted("https://github.com/a/b") == "https://github.com/a/b")
        #expect(GitURL.redacted("git@github.com:a/b.git") == "git@github.com:a/b.git")
    }

    @Test func normalisationSharesCachesAcrossSpellings() {
        #expect(GitURL.normalised("HTTPS://bob:tok@GitHub.com/a/b/") == "https://github.com/a/b")
        #expect(GitURL.cacheKey("https://github.com/a/b") == GitURL.cacheKey("https://x:y@GITHUB.com/a/b/"))
        #expect(GitURL.cacheKey("https://github.com/a/b") != GitURL.cacheKey("https://github.com/a/c"))
        #expect(GitURL.normalised("/tmp/x/../repo") == "file:///tmp/repo")
    }

    @Test func scrubbingRemovesSecretsAndEmbeddedUserinfo() {
        let text = GitURL.scrub("failed for https://u:hunter2@h/x and hunter2", secrets: ["hunter2"])
        #expect(text == "failed for https://h/x and ***")
    }

    @Test func symlinkTargetsMustStayInside() {
        #expect(SymlinkPath.resolve("../shared/v.yaml", from: "app/v.yaml") == "shared/v.yaml")
        #expect(SymlinkPath.resolve("../../etc/passwd", from: "app/passwd") == nil)
        #expect(SymlinkPath.resolve("/etc/passwd", from: "x") == nil)
    }
}
