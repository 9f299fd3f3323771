import CLibGit2
import FerryCore
import Foundation

/// Writes commits to a local (non-bare) repository. Used by `ferry serve --demo` to create its sample repository
/// without the `git` binary.
public enum LocalRepository {
    /// Writes `files` into the work tree at `directory` (creating the repository on branch `main` if needed),
    /// stages everything and commits. Returns the new commit's SHA.
    public static func commit(files: [String: Data], to directory: URL, message: String,
                              author: String = "Ferry", email: String = "ferry@localhost") throws -> String {
        try LibGit2.ensureInitialized(url: directory.path)
        let context = GitFailureContext(url: directory.path, secrets: [])
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (path, data) in files {
            let file = directory.appendingPathComponent(try safePath(path))
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }
        var repo: OpaquePointer?
        var options = git_repository_init_options()
        git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION))
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
        let code = "main".withCString { head -> Int32 in
            options.initial_head = head
            return git_repository_init_ext(&repo, directory.path, &options)
        }
        try context.check(code, "init")
        defer { git_repository_free(repo) }

        var index: OpaquePointer?
        try context.check(git_repository_index(&index, repo), "open index of")
        defer { git_index_free(index) }
        var star = strdup("*")
        defer { free(star) }
        var pathspec = withUnsafeMutablePointer(to: &star) { git_strarray(strings: $0, count: 1) }
        try context.check(git_index_add_all(index, &pathspec, 0, nil, nil), "stage files in")
        try context.check(git_index_write(index), "write index of")
        var treeID = git_oid()
        try context.check(git_index_write_tree(&treeID, index), "write tree of")
        var tree: OpaquePointer?
        try context.check(git_tree_lookup(&tree, repo, &treeID), "read tree of")
        defer { git_tree_free(tree) }

        var signature: UnsafeMutablePointer<git_signature>?
        try context.check(git_signature_now(&signature, author, email), "create signature for")
        defer { git_signature_free(signature) }

        var parent: OpaquePointer?
        var parentID = git_oid()
        if git_reference_name_to_id(&parentID, repo, "HEAD") == 0 {
            try context.check(git_commit_lookup(&parent, repo, &parentID), "read HEAD of")
        }
        defer { git_commit_free(parent) }
        var commitID = git_oid()
        var parents: [OpaquePointer?] = parent.map { [$0] } ?? []
        let rc = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&commitID, repo, "HEAD", signature, signature, "UTF-8", message, tree,
                              buffer.count, buffer.baseAddress)
        }
        try context.check(rc, "commit to")
        return LibGit2.hex(commitID)
    }

    /// A repository-relative path checked by FerryCore's rules (no `..`, not absolute).
    private static func safePath(_ path: String) throws -> String {
        do { return try FileTree.validate(path) } catch {
            throw GitError(.invalid, url: path, message: "\(error)")
        }
    }
}
