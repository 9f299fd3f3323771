import CLibGit2
import Foundation

/// A bare repository in the cache. Not thread-safe: used by one blocking work item at a time.
final class LibGit2Repository {
    let pointer: OpaquePointer
    let failure: GitFailureContext

    /// Opens the bare repository at `directory`, creating it when missing.
    init(directory: URL, failure: GitFailureContext) throws {
        try LibGit2.ensureInitialized(url: failure.url)
        self.failure = failure
        var repo: OpaquePointer?
        let path = directory.path
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("HEAD").path) {
            try failure.check(git_repository_open_bare(&repo, path), "cannot open the cache of")
        } else {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try failure.check(git_repository_init(&repo, path, 1), "cannot create the cache of")
        }
        guard let repo else { throw failure.error(-1, "cannot open the cache of") }
        pointer = repo
    }

    deinit { git_repository_free(pointer) }

    /// Whether the object `sha` (full hex) is present locally.
    func hasObject(_ sha: String) -> Bool {
        guard var oid = LibGit2.oid(sha) else { return false }
        var object: OpaquePointer?
        guard git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY) == 0 else { return false }
        git_object_free(object)
        return true
    }

    /// The commit `sha` names (a commit, or an annotated tag peeled to its commit); nil when absent.
    func commitSHA(peeling sha: String) throws -> String? {
        guard var oid = LibGit2.oid(sha) else { return nil }
        var object: OpaquePointer?
        guard git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY) == 0 else { return nil }
        defer { git_object_free(object) }
        return try peelToCommit(object, revision: sha)
    }

    /// The full SHA of the only commit whose id starts with `prefix`; nil when none is present.
    func commitSHA(prefix: String) throws -> String? {
        var oid = git_oid()
        guard git_oid_fromstrn(&oid, prefix, prefix.utf8.count) == 0 else { return nil }
        var object: OpaquePointer?
        let code = git_object_lookup_prefix(&object, pointer, &oid, prefix.utf8.count, GIT_OBJECT_ANY)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        if code == GIT_EAMBIGUOUS.rawValue {
            throw GitError(.invalid, url: failure.url, revision: prefix,
                           message: "revision '\(prefix)' is ambiguous in \(GitURL.redacted(failure.url))")
        }
        try failure.check(code, "cannot look up '\(prefix)' in", revision: prefix)
        defer { git_object_free(object) }
        return try peelToCommit(object, revision: prefix)
    }

    private func peelToCommit(_ object: OpaquePointer?, revision: String) throws -> String {
        var commit: OpaquePointer?
        try failure.check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT),
                          "revision '\(revision)' is not a commit in", revision: revision)
        defer { git_object_free(commit) }
        guard let id = git_object_id(commit) else { throw failure.error(-1, "cannot read commit in") }
        return LibGit2.hex(id.pointee)
    }

    /// Calls `body` with the commit `sha`; throws `revisionNotFound` when it is absent.
    func withCommit<T>(_ sha: String, _ body: (OpaquePointer) throws -> T) throws -> T {
        guard var oid = LibGit2.oid(sha) else {
            throw GitError(.invalid, url: failure.url, revision: sha,
                           message: "'\(sha)' is not a full commit SHA (repository \(GitURL.redacted(failure.url)))")
        }
        var commit: OpaquePointer?
        guard git_commit_lookup(&commit, pointer, &oid) == 0, let commit else {
            throw GitError.revisionNotFound(sha, url: failure.url)
        }
        defer { git_commit_free(commit) }
        return try body(commit)
    }

    /// Author, first message line and date of the commit `sha`.
    func commitInfo(_ sha: String) throws -> CommitInfo {
        try withCommit(sha) { commit in
            let author = git_commit_author(commit)?.pointee
            let summary = git_commit_summary(commit).map { String(cString: $0) } ?? ""
            return CommitInfo(sha: sha,
                              author: author?.name.map { String(cString: $0) } ?? "",
                              email: author?.email.map { String(cString: $0) } ?? "",
                              message: summary,
                              date: Date(timeIntervalSince1970: TimeInterval(author?.when.time ?? git_commit_time(commit))))
        }
    }
}
