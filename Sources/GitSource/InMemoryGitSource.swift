import Crypto
import FerryCore
import Foundation

/// The in-memory twin of `LibGit2Source` for unit tests: repositories, commits, branches and tags
/// are added programmatically.
public actor InMemoryGitSource: GitSource {
    private struct Repository {
        var commits: [String: (info: CommitInfo, files: FileTree)] = [:]
        var refs: [String: String] = [:]
        var head: String?
    }

    private var repositories: [String: Repository] = [:]
    private var counter = 0

    /// Creates an empty source.
    public init() {}

    /// Adds a commit holding `files` to `repoURL`, moves `branch` (and `HEAD`) to it, and returns its SHA.
    @discardableResult
    public func commit(repoURL: String, branch: String = "main", files: [String: String],
                       message: String = "commit", author: String = "Ferry Test",
                       date: Date = Date(timeIntervalSince1970: 1_700_000_000)) throws -> String {
        counter += 1
        let sha = Insecure.SHA1.hash(data: Data("\(repoURL)\n\(counter)".utf8)).map { String(format: "%02x", $0) }.joined()
        var tree = FileTree()
        for (path, text) in files { try tree.add(path, Data(text.utf8)) }
        let key = GitURL.normalised(repoURL)
        var repository = repositories[key] ?? Repository()
        repository.commits[sha] = (CommitInfo(sha: sha, author: author, email: "test@example.com",
                                              message: message, date: date), tree)
        repository.refs["refs/heads/\(branch)"] = sha
        repository.head = sha
        repositories[key] = repository
        return sha
    }

    /// Points tag `name` at `commit`.
    public func tag(repoURL: String, name: String, commit: String) {
        repositories[GitURL.normalised(repoURL)]?.refs["refs/tags/\(name)"] = commit
    }

    /// Resolves a branch, tag, `HEAD`, full or short SHA.
    public func resolve(repoURL: String, revision: String) throws -> String {
        let repository = try repository(repoURL)
        if revision == "HEAD", let head = repository.head { return head }
        for name in [revision, "refs/tags/\(revision)", "refs/heads/\(revision)"] {
            if let sha = repository.refs[name] { return sha }
        }
        let matches = repository.commits.keys.filter { LibGit2.isShortSHA(revision) || LibGit2.isFullSHA(revision) ? $0.hasPrefix(revision.lowercased()) : false }
        if matches.count == 1, let sha = matches.first { return sha }
        throw GitError.revisionNotFound(revision, url: repoURL)
    }

    /// The files under `path` at `commit`.
    public func tree(repoURL: String, commit: String, path: String) throws -> FileTree {
        let files = try entry(repoURL, commit).files
        let dir = path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        if dir.isEmpty { return files }
        guard files.paths.contains(where: { $0.hasPrefix(dir + "/") }) else {
            throw GitError.pathNotFound(path, url: repoURL, commit: commit)
        }
        return try files.subtree(dir)
    }

    /// Metadata of `commit`.
    public func commitInfo(repoURL: String, commit: String) throws -> CommitInfo {
        try entry(repoURL, commit).info
    }

    private func repository(_ repoURL: String) throws -> Repository {
        guard let repository = repositories[GitURL.normalised(repoURL)] else {
            throw GitError(.unreachable, url: repoURL, message: "repository \(GitURL.redacted(repoURL)) not found")
        }
        return repository
    }

    private func entry(_ repoURL: String, _ commit: String) throws -> (info: CommitInfo, files: FileTree) {
        guard let entry = try repository(repoURL).commits[commit] else {
            throw GitError.revisionNotFound(commit, url: repoURL)
        }
        return entry
    }
}
