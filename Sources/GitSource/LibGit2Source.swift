import FerryCore
import Foundation

/// The real `GitSource`: a cache of bare repositories (one per remote URL) driven by libgit2.
///
/// The cache directory holds one bare repository per normalised remote URL, named by the URL's
/// SHA-256, shared by every application that uses that URL. Calls for the same URL are serialised;
/// calls for different URLs run in parallel, on dedicated threads outside Swift's cooperative pool.
public final class LibGit2Source: GitSource {
    /// Where the bare repositories live.
    public let cacheDirectory: URL
    /// Longest time one remote operation (ls-remote or fetch) may take, in seconds.
    public let remoteTimeout: TimeInterval
    private let credentials: @Sendable (_ repoURL: String) -> GitCredentials?
    private let queues = BlockingQueues()
    private let counters = RemoteCounters()

    /// Creates a source caching under `cacheDirectory`; `credentials` supplies secrets per repository URL.
    public init(cacheDirectory: URL, remoteTimeout: TimeInterval = 120,
                credentials: @escaping @Sendable (_ repoURL: String) -> GitCredentials? = { _ in nil }) {
        self.cacheDirectory = cacheDirectory
        self.remoteTimeout = remoteTimeout
        self.credentials = credentials
    }

    /// How many fetches this source has run (for tests and metrics).
    public var fetchCount: Int { counters.fetchCount }
    /// How many remote listings (ls-remote) this source has run (for tests and metrics).
    public var listCount: Int { counters.listCount }

    /// The cache directory used for `repoURL` (shared by all URLs that normalise alike).
    public func cacheDirectory(for repoURL: String) -> URL {
        cacheDirectory.appendingPathComponent(GitURL.cacheKey(repoURL), isDirectory: true)
    }

    /// Resolves a branch, tag, `HEAD`, full or short SHA to a full commit SHA.
    public func resolve(repoURL: String, revision: String) async throws -> String {
        let revision = revision.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !revision.isEmpty else {
            throw GitError(.invalid, url: repoURL, message: "empty revision for \(GitURL.redacted(repoURL))")
        }
        return try await session(repoURL, revision: revision) { try $0.resolve(revision) }
    }

    /// The files under `path` at `commit`.
    public func tree(repoURL: String, commit: String, path: String) async throws -> FileTree {
        try await session(repoURL, revision: commit) { try $0.tree(commit: commit, path: path) }
    }

    /// Author, first message line and date of `commit`.
    public func commitInfo(repoURL: String, commit: String) async throws -> CommitInfo {
        try await session(repoURL, revision: commit) { try $0.commitInfo(commit) }
    }

    /// Runs `body` against the cached repository for `repoURL`, on that URL's serial queue.
    private func session<T: Sendable>(_ repoURL: String, revision: String,
                                      _ body: @escaping @Sendable (CacheSession) throws -> T) async throws -> T {
        try checkTransport(repoURL)
        let directory = cacheDirectory(for: repoURL)
        let credentials = credentials(repoURL)
        let failure = GitFailureContext(url: repoURL, secrets: credentials?.secrets ?? [])
        let timeout = remoteTimeout
        let counters = counters
        let watchdog = remoteTimeout * 3 + 10
        return try await queues.run(key: directory.lastPathComponent, watchdog: watchdog, timeoutError: {
            GitError(.timeout, url: repoURL, revision: revision,
                     message: "\(GitURL.redacted(repoURL)) did not answer within \(Int(watchdog)) seconds")
        }) {
            let repository = try LibGit2Repository(directory: directory, failure: failure)
            return try body(CacheSession(repository: repository, credentials: credentials, timeout: timeout,
                                         counters: counters))
        }
    }

    /// Rejects missing local repositories, and SSH URLs when libgit2 lacks SSH support, with clear messages.
    private func checkTransport(_ repoURL: String) throws {
        let local = GitURL.normalised(repoURL)
        if local.hasPrefix("file://"), !FileManager.default.fileExists(atPath: String(local.dropFirst("file://".count))) {
            throw GitError(.unreachable, url: repoURL,
                           message: "cannot reach \(GitURL.redacted(repoURL)): no such repository directory")
        }
        let lower = repoURL.lowercased()
        let isSSH = lower.hasPrefix("ssh://") || lower.hasPrefix("git+ssh://") || lower.hasPrefix("ssh+git://")
            || (!lower.contains("://") && !GitURL.isLocalPath(repoURL))
        if isSSH && !LibGit2.supportsSSH {
            throw GitError(.invalid, url: repoURL,
                           message: "cannot reach \(GitURL.redacted(repoURL)): this libgit2 was built without SSH support")
        }
    }
}
