import Foundation
import FerryCore

/// The work of one public call against one cached bare repository, run on that URL's serial queue.
final class CacheSession {
    private let repository: LibGit2Repository
    private let credentials: GitCredentials?
    private let timeout: TimeInterval
    private let counters: RemoteCounters
    private var fetched = false

    init(repository: LibGit2Repository, credentials: GitCredentials?, timeout: TimeInterval, counters: RemoteCounters) {
        self.repository = repository
        self.credentials = credentials
        self.timeout = timeout
        self.counters = counters
    }

    private var url: String { repository.failure.url }

    /// Resolves `revision` to a full commit SHA (see `GitSource.resolve`).
    func resolve(_ revision: String) throws -> String {
        if LibGit2.isFullSHA(revision) {
            return try ensureCommit(revision.lowercased())
        }
        let refs = try listRemote()
        if let oid = RefMatcher.match(revision, in: refs) {
            if !repository.hasObject(oid) { try fetch() }
            guard let sha = try repository.commitSHA(peeling: oid) else {
                throw GitError.revisionNotFound(revision, url: url, detail: "\(oid) is missing after fetching")
            }
            return sha
        }
        if LibGit2.isShortSHA(revision) {
            if let sha = try repository.commitSHA(prefix: revision) { return sha }
            try fetch()
            if let sha = try repository.commitSHA(prefix: revision) { return sha }
        }
        throw GitError.revisionNotFound(revision, url: url)
    }

    /// Makes sure the commit `sha` is in the cache (fetching once if not) and returns it.
    @discardableResult
    func ensureCommit(_ sha: String) throws -> String {
        guard LibGit2.isFullSHA(sha) else {
            throw GitError(.invalid, url: url, revision: sha,
                           message: "'\(sha)' is not a full commit SHA (repository \(GitURL.redacted(url)))")
        }
        if let commit = try repository.commitSHA(peeling: sha.lowercased()) { return commit }
        try fetch()
        guard let commit = try repository.commitSHA(peeling: sha.lowercased()) else {
            throw GitError.revisionNotFound(sha, url: url)
        }
        return commit
    }

    /// The files under `path` at `commit`.
    func tree(commit: String, path: String) throws -> FileTree {
        let sha = try ensureCommit(commit)
        return try TreeReader.read(repository, commit: sha, path: path)
    }

    /// Metadata of `commit`.
    func commitInfo(_ commit: String) throws -> CommitInfo {
        try repository.commitInfo(try ensureCommit(commit))
    }

    private func listRemote() throws -> [RemoteRef] {
        counters.countListing()
        return try LibGit2Remote(repository: repository, credentials: credentials, timeout: timeout).list()
    }

    private func fetch() throws {
        guard !fetched else { return }
        fetched = true
        counters.countFetch()
        try LibGit2Remote(repository: repository, credentials: credentials, timeout: timeout).fetch()
    }
}

/// Picks the listed reference a revision names, in git's order: exact name, tag, branch.
enum RefMatcher {
    /// The object id (peeled for annotated tags) that `revision` names in `refs`, or nil.
    static func match(_ revision: String, in refs: [RemoteRef]) -> String? {
        var byName: [String: String] = [:]
        for ref in refs { byName[ref.name] = ref.oid }
        let candidates = revision == "HEAD" ? ["HEAD"]
            : [revision, "refs/tags/\(revision)", "refs/heads/\(revision)"]
        for name in candidates where name == "HEAD" || name.hasPrefix("refs/") {
            if let peeled = byName[name + "^{}"] { return peeled }
            if let oid = byName[name] { return oid }
        }
        return nil
    }
}
