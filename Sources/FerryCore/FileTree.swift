import Foundation

/// A read-only set of files at a Git revision (or on disk), keyed by slash-separated relative path.
///
/// Paths are validated on insertion: no absolute paths, no `..` segments, so nothing read from a
/// repository can name a file outside it.
public struct FileTree: Sendable, Equatable {
    /// Largest single file accepted (bytes).
    public static let maxFileBytes = 8 << 20
    /// Largest total size accepted (bytes).
    public static let maxTotalBytes = 256 << 20

    public private(set) var files: [String: Data] = [:]
    private var totalBytes = 0

    public init() {}

    /// Adds a file; throws for an unsafe path or when a size limit is exceeded.
    public mutating func add(_ path: String, _ contents: Data) throws {
        let clean = try FileTree.validate(path)
        guard contents.count <= FileTree.maxFileBytes else {
            throw FileTreeError(path: clean, message: "file larger than \(FileTree.maxFileBytes) bytes")
        }
        totalBytes += contents.count - (files[clean]?.count ?? 0)
        guard totalBytes <= FileTree.maxTotalBytes else {
            throw FileTreeError(path: clean, message: "tree larger than \(FileTree.maxTotalBytes) bytes")
        }
        files[clean] = contents
    }

    /// The file's contents, or nil.
    public subscript(path: String) -> Data? { files[path] }

    /// All paths, sorted.
    public var paths: [String] { files.keys.sorted() }

    /// The files directly or indirectly under `directory` ("" for all), with paths relative to it.
    public func subtree(_ directory: String) throws -> FileTree {
        let dir = directory == "." || directory.isEmpty ? "" : try FileTree.validate(directory)
        if dir.isEmpty { return self }
        var out = FileTree()
        for (path, data) in files where path.hasPrefix(dir + "/") {
            try out.add(String(path.dropFirst(dir.count + 1)), data)
        }
        return out
    }

    /// Normalises a relative path and rejects absolute paths and `..`.
    public static func validate(_ path: String) throws -> String {
        if path.hasPrefix("/") { throw FileTreeError(path: path, message: "absolute paths are not allowed") }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { throw FileTreeError(path: path, message: "path escapes the repository") }
            parts.append(part)
        }
        if parts.isEmpty { throw FileTreeError(path: path, message: "empty path") }
        return parts.joined(separator: "/")
    }

    /// Reads a directory from disk (for `ferry render DIR`), skipping hidden directories. Symlinks are followed
    /// only when they stay inside `root`.
    public static func load(directory root: URL) throws -> FileTree {
        var tree = FileTree()
        let base = root.standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw FileTreeError(path: root.path, message: "cannot read directory")
        }
        for case let url as URL in walker {
            let resolved = url.resolvingSymlinksInPath()
            guard resolved.path.hasPrefix(base.path + "/") else {
                throw FileTreeError(path: url.path, message: "symlink points outside \(base.path)")
            }
            // Hidden directories (.git, .build, …) hold no sources.
            if url.lastPathComponent.hasPrefix("."), (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
                walker.skipDescendants()
                continue
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.path.count + 1))
            try tree.add(relative, try Data(contentsOf: resolved))
        }
        return tree
    }
}

/// A file tree problem, naming the path.
public struct FileTreeError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public init(path: String, message: String) { self.path = path; self.message = message }
    public var description: String { "\(path): \(message)" }
}
