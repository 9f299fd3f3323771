import Foundation
import Testing
@testable import GitSource

@Suite struct RepositoryCredentialsTests {
    func write(_ text: String, in dir: URL, name: String = "creds.yaml") throws -> String {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func longestPrefixWinsAndFilesResolveRelativeToTheCredentialsFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("creds-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try write("token-from-file\n", in: dir, name: "token")
        let path = try write("""
        - url: https://git.example.com/
          username: everyone
          password: general
        - url: https://git.example.com/team/
          username: team
          passwordFile: token
        """, in: dir)
        let credentials = try RepositoryCredentials.load(path: path)
        #expect(credentials.credentials(for: "https://git.example.com/team/app.git")?.password == "token-from-file")
        #expect(credentials.credentials(for: "https://git.example.com/team/app.git")?.username == "team")
        #expect(credentials.credentials(for: "https://git.example.com/other.git")?.password == "general")
        #expect(credentials.credentials(for: "https://elsewhere.example.com/x.git") == nil)
    }

    @Test func badEntriesNameTheFileAndEntryButNotTheSecret() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("creds-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try write("- url: https://a/\n  password: s3cr3t\n- username: x\n  password: other-s3cr3t\n", in: dir)
        do {
            _ = try RepositoryCredentials.load(path: path)
            Issue.record("expected an error")
        } catch let error as GitError {
            #expect(error.message.contains(path))
            #expect(error.message.contains("entry 2"))
            #expect(!error.message.contains("s3cr3t"))
        }
    }

    @Test func detectsPasswordsEmbeddedInURLs() {
        #expect(RepositoryCredentials.hasEmbeddedSecret("https://user:token@git.example.com/a.git"))
        #expect(!RepositoryCredentials.hasEmbeddedSecret("https://user@git.example.com/a.git"))
        #expect(!RepositoryCredentials.hasEmbeddedSecret("file:///tmp/repo"))
    }
}
