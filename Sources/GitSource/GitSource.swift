// GitSource — how Ferry reads Git.
//
// `LibGit2Source` keeps one bare repository per remote URL under its cache directory (the directory
// name is the SHA-256 of the normalised URL, so every application using that URL shares it).
// `resolve` asks the remote for its references (ls-remote) and fetches `+refs/heads/*` and
// `+refs/tags/*` only when the wanted commit is not cached yet; full SHAs are used as-is when cached,
// short SHAs are looked up locally and then after a fetch. `tree` walks the commit's tree under a path:
// regular files are copied, symlinks are followed while they stay inside the repository (escaping
// links are an error), submodules are skipped. Transports: local paths, file://, git://, http(s)://
// (basic auth or token as password) and SSH keys when libgit2 has SSH. Errors are `GitError`s naming
// the URL without credentials; secrets are scrubbed from libgit2's messages.
//
// Calls for one URL run one at a time on that URL's serial dispatch queue (libgit2 blocks), calls for
// different URLs in parallel. Remote operations abort after `remoteTimeout` seconds (default 120).

import Foundation
import FerryCore

/// Reads Git repositories for Ferry.
///
/// `LibGit2Source` is the real implementation (a bare-repository cache driven by libgit2);
/// `InMemoryGitSource` is the test twin. Every method names the repository by its remote URL.
public protocol GitSource: Sendable {
    /// Resolves a branch, tag, `HEAD`, full SHA or short SHA on the remote to a full commit SHA.
    ///
    /// Branches, tags and `HEAD` use a cheap remote listing (ls-remote) and fetch only when the commit is
    /// not yet in the local cache. A short SHA is looked up locally first, then after a fetch.
    func resolve(repoURL: String, revision: String) async throws -> String
    /// The files under `path` (`""` or `"."` = repository root) at `commit`, fetching if the commit is missing.
    /// Paths in the returned tree are relative to `path`.
    func tree(repoURL: String, commit: String, path: String) async throws -> FileTree
    /// Commit metadata (author, first line of the message, date) for display.
    func commitInfo(repoURL: String, commit: String) async throws -> CommitInfo
}

/// Display metadata of one commit.
public struct CommitInfo: Sendable, Equatable, Codable {
    /// Full commit SHA.
    public var sha: String
    /// Author name.
    public var author: String
    /// Author e-mail.
    public var email: String
    /// First line of the commit message.
    public var message: String
    /// Author date.
    public var date: Date

    /// Creates commit metadata.
    public init(sha: String, author: String, email: String, message: String, date: Date) {
        self.sha = sha
        self.author = author
        self.email = email
        self.message = message
        self.date = date
    }
}

/// Credentials for one repository. Never logged, never put in errors.
public struct GitCredentials: Sendable {
    /// User name for HTTP basic auth or SSH (defaults: `x-access-token` for HTTP tokens, `git` for SSH).
    public var username: String?
    /// HTTP password or access token.
    public var password: String?
    /// PEM/OpenSSH private key text for SSH.
    public var sshPrivateKey: String?
    /// Public key text for SSH (optional).
    public var sshPublicKey: String?
    /// Passphrase of the SSH private key (optional).
    public var sshPassphrase: String?

    /// HTTP basic auth (username + password) or a token (password only).
    public init(username: String? = nil, password: String? = nil) {
        self.username = username
        self.password = password
    }

    /// SSH key authentication.
    public init(username: String? = nil, sshPrivateKey: String, sshPublicKey: String? = nil, sshPassphrase: String? = nil) {
        self.username = username
        self.sshPrivateKey = sshPrivateKey
        self.sshPublicKey = sshPublicKey
        self.sshPassphrase = sshPassphrase
    }

    /// Strings that must never appear in logs or error messages.
    var secrets: [String] {
        [password, sshPrivateKey, sshPassphrase].compactMap { $0 }.filter { !$0.isEmpty }
    }
}
