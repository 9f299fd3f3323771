import Foundation

/// A Git problem, naming the repository URL (without credentials) and, when known, the revision.
public struct GitError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, in one category.
    public enum Kind: String, Sendable {
        /// The remote could not be reached or the transfer failed.
        case unreachable
        /// The remote refused the credentials (or none were given).
        case authentication
        /// The revision does not exist on the remote.
        case revisionNotFound
        /// The path does not exist at the commit.
        case pathNotFound
        /// A symlink points outside the repository or cannot be resolved.
        case unsafeSymlink
        /// The remote operation took longer than allowed.
        case timeout
        /// The URL, revision or repository content is not usable.
        case invalid
        /// A libgit2 failure not covered above.
        case other
    }

    /// The category.
    public var kind: Kind
    /// The repository URL with any user name or password removed.
    public var url: String
    /// The revision or commit involved, if any.
    public var revision: String?
    /// The full message (already free of secrets).
    public var message: String

    /// Creates an error; `url` is redacted here so callers may pass the raw URL.
    public init(_ kind: Kind, url: String, revision: String? = nil, message: String) {
        self.kind = kind
        self.url = GitURL.redacted(url)
        self.revision = revision
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// `revision 'x' not found in <url>`.
    static func revisionNotFound(_ revision: String, url: String, detail: String? = nil) -> GitError {
        let suffix = detail.map { ": \($0)" } ?? ""
        return GitError(.revisionNotFound, url: url, revision: revision,
                        message: "revision '\(revision)' not found in \(GitURL.redacted(url))\(suffix)")
    }

    /// `path 'x' not found in <url> at <sha>`.
    static func pathNotFound(_ path: String, url: String, commit: String) -> GitError {
        GitError(.pathNotFound, url: url, revision: commit,
                 message: "path '\(path)' not found in \(GitURL.redacted(url)) at \(commit)")
    }
}
