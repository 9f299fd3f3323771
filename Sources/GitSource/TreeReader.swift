import CLibGit2
import FerryCore
import Foundation

/// Walks the tree of one commit and collects the files under a path into a `FileTree`.
///
/// Regular files are copied; symlinks are followed when their target stays inside the repository
/// (a file target contributes its content, a directory target its files); submodules are skipped.
final class TreeReader {
    private let repository: LibGit2Repository
    private let root: OpaquePointer
    private let commit: String
    private var files = FileTree()
    /// Most symlinks followed along one path before giving up (guards against cycles).
    static let maxSymlinkHops = 8

    private init(repository: LibGit2Repository, root: OpaquePointer, commit: String) {
        self.repository = repository
        self.root = root
        self.commit = commit
    }

    /// The files under `path` at `commit`, relative to `path`.
    static func read(_ repository: LibGit2Repository, commit: String, path: String) throws -> FileTree {
        try repository.withCommit(commit) { commitPointer in
            var tree: OpaquePointer?
            try repository.failure.check(git_commit_tree(&tree, commitPointer), "cannot read the tree of \(commit) in")
            guard let tree else { throw repository.failure.error(-1, "cannot read the tree of \(commit) in") }
            defer { git_tree_free(tree) }
            let reader = TreeReader(repository: repository, root: tree, commit: commit)
            try reader.readStart(path)
            return reader.files
        }
    }

    private var url: String { repository.failure.url }

    private func readStart(_ path: String) throws {
        let clean = path.split(separator: "/").filter { $0 != "." && !$0.isEmpty }.joined(separator: "/")
        if clean.isEmpty { return try walk(tree: root, repoPath: "", outPath: "", hops: 0) }
        if path.split(separator: "/").contains("..") || path.hasPrefix("/") {
            throw GitError(.invalid, url: url, revision: commit,
                           message: "path '\(path)' must be relative and inside \(GitURL.redacted(url))")
        }
        guard let entry = try entry(at: clean) else { throw GitError.pathNotFound(path, url: url, commit: commit) }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE || git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK else {
            throw GitError(.invalid, url: url, revision: commit,
                           message: "path '\(path)' is not a directory in \(GitURL.redacted(url)) at \(commit)")
        }
        try add(entry: entry, repoPath: clean, outPath: "", hops: 0)
    }

    private func walk(tree: OpaquePointer, repoPath: String, outPath: String, hops: Int) throws {
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index), let cName = git_tree_entry_name(entry) else { continue }
            let name = String(cString: cName)
            try add(entry: entry, repoPath: join(repoPath, name), outPath: join(outPath, name), hops: hops)
        }
    }

    private func add(entry: OpaquePointer, repoPath: String, outPath: String, hops: Int) throws {
        let mode = git_tree_entry_filemode(entry)
        guard let id = git_tree_entry_id(entry) else { return }
        switch mode {
        case GIT_FILEMODE_TREE:
            try withTree(id) { try walk(tree: $0, repoPath: repoPath, outPath: outPath, hops: hops) }
        case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE:
            try addFile(outPath, blob: id)
        case GIT_FILEMODE_LINK:
            try followLink(repoPath: repoPath, outPath: outPath, blob: id, hops: hops + 1)
        default:
            return // GIT_FILEMODE_COMMIT: submodules are skipped.
        }
    }

    private func followLink(repoPath: String, outPath: String, blob: UnsafePointer<git_oid>, hops: Int) throws {
        guard hops <= TreeReader.maxSymlinkHops else { throw linkError(repoPath, "has too many levels of symlinks") }
        let target = String(decoding: try blobData(blob), as: UTF8.self)
        guard let resolved = SymlinkPath.resolve(target, from: repoPath) else {
            throw linkError(repoPath, "points outside the repository ('\(target)')")
        }
        guard let entry = try entry(at: resolved) else { throw linkError(repoPath, "points to missing '\(target)'") }
        defer { git_tree_entry_free(entry) }
        try add(entry: entry, repoPath: resolved, outPath: outPath, hops: hops)
    }

    private func linkError(_ repoPath: String, _ problem: String) -> GitError {
        GitError(.unsafeSymlink, url: url, revision: commit,
                 message: "symlink '\(repoPath)' \(problem) in \(GitURL.redacted(url)) at \(commit)")
    }

    private func addFile(_ outPath: String, blob: UnsafePointer<git_oid>) throws {
        let data = try blobData(blob)
        do {
            try files.add(outPath, data)
        } catch let error as FileTreeError {
            throw GitError(.invalid, url: url, revision: commit,
                           message: "\(error.description) (in \(GitURL.redacted(url)) at \(commit))")
        }
    }

    /// The tree entry at repository-relative `path`, or nil; the caller frees it.
    private func entry(at path: String) throws -> OpaquePointer? {
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, root, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try repository.failure.check(code, "cannot read '\(path)' at \(commit) in", revision: commit)
        return entry
    }

    private func withTree(_ id: UnsafePointer<git_oid>, _ body: (OpaquePointer) throws -> Void) throws {
        var tree: OpaquePointer?
        try repository.failure.check(git_tree_lookup(&tree, repository.pointer, id), "cannot read a tree at \(commit) in")
        guard let tree else { return }
        defer { git_tree_free(tree) }
        try body(tree)
    }

    private func blobData(_ id: UnsafePointer<git_oid>) throws -> Data {
        var blob: OpaquePointer?
        try repository.failure.check(git_blob_lookup(&blob, repository.pointer, id), "cannot read a file at \(commit) in")
        guard let blob else { return Data() }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return Data() }
        return Data(bytes: bytes, count: size)
    }

    private func join(_ base: String, _ name: String) -> String { base.isEmpty ? name : base + "/" + name }
}

/// Resolution of symlink targets inside a repository.
enum SymlinkPath {
    /// The repository-relative path `target` names when read from the link at `linkPath`;
    /// nil when it is absolute or climbs above the repository root.
    static func resolve(_ target: String, from linkPath: String) -> String? {
        if target.hasPrefix("/") || target.isEmpty { return nil }
        var parts = linkPath.split(separator: "/").map(String.init).dropLast()
        for part in target.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
