import FerryCore
import Foundation

/// Credentials for Git repositories, read from a file the operator controls (never from an Application spec).
///
/// The file is YAML (or JSON), a list of entries matched by URL prefix, longest prefix first:
/// ```yaml
/// - url: https://git.example.com/team/
///   username: ferry
///   passwordFile: /var/run/secrets/git-token   # or `password:` inline
/// - url: git@github.com:org/
///   sshPrivateKeyFile: /home/ferry/.ssh/id_ed25519
/// ```
/// Relative file paths resolve against the credentials file's directory.
public struct RepositoryCredentials: Sendable {
    /// One entry: a URL prefix and what to send to repositories under it.
    public struct Entry: Sendable {
        public var urlPrefix: String
        public var credentials: GitCredentials
    }

    /// The entries, longest prefix first.
    public private(set) var entries: [Entry] = []

    /// No credentials.
    public init() {}

    /// Reads a credentials file; errors name the file and the entry.
    public static func load(path: String) throws -> RepositoryCredentials {
        let file = URL(fileURLWithPath: path)
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw GitError(.invalid, url: path, message: "\(path): cannot read repository credentials: \(error.localizedDescription)")
        }
        guard case .array(let items) = try YAML.parse(text, file: path) else {
            throw GitError(.invalid, url: path, message: "\(path): expected a list of repository credentials")
        }
        var result = RepositoryCredentials()
        for (index, item) in items.enumerated() {
            result.entries.append(try entry(item, index: index, base: file.deletingLastPathComponent(), path: path))
        }
        result.entries.sort { $0.urlPrefix.count > $1.urlPrefix.count }
        return result
    }

    /// The credentials for `repoURL`: the entry with the longest matching prefix.
    public func credentials(for repoURL: String) -> GitCredentials? {
        entries.first { repoURL.hasPrefix($0.urlPrefix) }?.credentials
    }

    static func entry(_ item: Value, index: Int, base: URL, path: String) throws -> Entry {
        func fail(_ message: String) -> GitError { GitError(.invalid, url: path, message: "\(path): entry \(index + 1): \(message)") }
        func read(_ key: String) throws -> String? {
            if let inline = item[key]?.stringValue { return inline }
            guard let name = item[key + "File"]?.stringValue else { return nil }
            let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : base.appendingPathComponent(name)
            do { return try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) } catch {
                throw fail("cannot read \(key)File \(url.path)")
            }
        }
        guard let prefix = item["url"]?.stringValue, !prefix.isEmpty else { throw fail("url is required") }
        var credentials = GitCredentials(username: item["username"]?.stringValue, password: try read("password"))
        credentials.sshPrivateKey = try read("sshPrivateKey")
        credentials.sshPublicKey = try read("sshPublicKey")
        credentials.sshPassphrase = try read("sshPassphrase")
        if credentials.password == nil && credentials.sshPrivateKey == nil {
            throw fail("needs password/passwordFile or sshPrivateKey/sshPrivateKeyFile")
        }
        return Entry(urlPrefix: prefix, credentials: credentials)
    }
}

extension RepositoryCredentials {
    /// True when a repository URL carries a password or token in its user info (`https://user:secret@host/…`).
    public static func hasEmbeddedSecret(_ url: String) -> Bool {
        guard let components = URLComponents(string: url) else { return false }
        return !(components.password ?? "").isEmpty
    }
}
